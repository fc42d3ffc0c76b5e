package vn.sohoa.api.access;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StorageException;

/**
 * Records of one kind kept as JSON objects under a prefix of bucket {@code system}
 * ({@code PREFIX/NAME.json}), read through a copy a few seconds old at most, so that a change made
 * by another process counts within that time; while storage does not answer, the copy last read
 * counts, so signed-in users are not locked out by an outage.
 */
final class SystemRecords<T> {

    private static final long FRESH_MILLIS = 5_000;

    private final ObjectStore store;
    private final String prefix;
    private final Class<T> type;
    private final Map<String, Cached<T>> cache = new ConcurrentHashMap<>();

    private record Cached<T>(Optional<T> record, long readAt) {
    }

    SystemRecords(ObjectStore store, String prefix, Class<T> type) {
        this.store = store;
        this.prefix = prefix;
        this.type = type;
    }

    Optional<T> find(String name) throws StorageException {
        Cached<T> cached = cache.get(name);
        if (cached != null && System.currentTimeMillis() - cached.readAt() < FRESH_MILLIS) {
            return cached.record();
        }
        try {
            return remember(name, readNow(name));
        } catch (StorageException e) {
            if (cached == null) {
                throw e;
            }
            return cached.record();
        }
    }

    /** The record as storage holds it this moment, not the copy. */
    Optional<T> readNow(String name) throws StorageException {
        return store.getSystemObject(key(name)).map(this::parse);
    }

    List<T> all() throws StorageException {
        List<T> records = new ArrayList<>();
        for (String key : store.systemKeys(prefix)) {
            store.getSystemObject(key).map(this::parse).ifPresent(records::add);
        }
        return records;
    }

    boolean isEmpty() throws StorageException {
        return store.systemKeys(prefix).isEmpty();
    }

    void save(String name, T record) throws StorageException {
        try {
            store.putSystemObject(key(name), Json.MAPPER.writeValueAsBytes(record));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StorageException(type.getSimpleName() + " could not be written: " + e.getMessage(), e);
        }
        remember(name, Optional.of(record));
    }

    private Optional<T> remember(String name, Optional<T> record) {
        cache.put(name, new Cached<>(record, System.currentTimeMillis()));
        return record;
    }

    private T parse(byte[] json) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("A stored " + type.getSimpleName() + " cannot be read: " + e.getMessage(), e);
        }
    }

    private String key(String name) {
        return prefix + name + ".json";
    }
}
