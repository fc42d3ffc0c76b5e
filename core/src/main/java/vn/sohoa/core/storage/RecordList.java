package vn.sohoa.core.storage;

import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Which documents have a record, kept beside them in bucket {@code system} as one empty object per
 * document, {@code record-ids/XY/ID} (XY: the id's first two hex digits), and one more,
 * {@code record-ids/XY/ID.corrected}, once archivists corrected it. Reindex and verify read it with
 * 256 small listings, one per {@code XY/} folder, instead of listing the derivatives bucket: the
 * embedded S3Proxy walks a whole bucket folder for every page of a listing (so listing all records
 * costs the square of their number) but only the named folder for a prefix ending in {@code /}.
 * Each object is written or removed on its own, so sohoa processes sharing the storage never
 * overwrite each other's. {@code record-ids/complete} says the list is whole: written with a new
 * archive's buckets; an archive stored before the list existed is listed once the old way and its
 * list written, then that object.
 */
final class RecordList {

    private static final String PREFIX = "record-ids/";
    private static final String COMPLETE = PREFIX + "complete";
    private static final String CORRECTED = ".corrected";
    private static final int WRITERS = 4;

    private final MinioClient client;

    RecordList(MinioClient client) {
        this.client = client;
    }

    /** For an archive that has no record yet: its list is whole from the start. */
    void startEmpty() throws Exception {
        put(COMPLETE);
    }

    /** Before the record is stored: an entry without a record is skipped by a rebuild, a record without one is never seen. */
    void add(String id) throws Exception {
        put(key(id));
    }

    /** After the record is removed. */
    void remove(String id) throws Exception {
        client.removeObject(RemoveObjectArgs.builder().bucket(ObjectStore.SYSTEM).object(key(id)).build());
        client.removeObject(RemoveObjectArgs.builder().bucket(ObjectStore.SYSTEM).object(key(id) + CORRECTED).build());
    }

    /** After corrections are stored beside the record. */
    void markCorrected(String id) throws Exception {
        put(key(id) + CORRECTED);
    }

    /**
     * The list, in key order; the first time on an archive that has none, {@code listStore} (a
     * listing of the records themselves) gives it, and it is written.
     */
    ObjectStore.RecordListing read(StorageListing listStore) throws Exception {
        if (!exists(COMPLETE)) {
            ObjectStore.RecordListing listed = listStore.list();
            write(listed);
            put(COMPLETE);
            return listed;
        }
        List<String> ids = new ArrayList<>();
        Set<String> corrected = new HashSet<>();
        HexFormat hex = HexFormat.of();
        for (int folder = 0; folder < 256; folder++) {
            String prefix = PREFIX + hex.toHexDigits((byte) folder) + "/";
            for (Result<Item> item : client.listObjects(ListObjectsArgs.builder().bucket(ObjectStore.SYSTEM)
                    .prefix(prefix).recursive(true).build())) {
                String name = item.get().objectName().substring(prefix.length());
                if (name.endsWith(CORRECTED)) {
                    corrected.add(name.substring(0, name.length() - CORRECTED.length()));
                } else {
                    ids.add(name);
                }
            }
        }
        ids.sort(null);
        return new ObjectStore.RecordListing(List.copyOf(ids), Set.copyOf(corrected));
    }

    @FunctionalInterface
    interface StorageListing {
        ObjectStore.RecordListing list() throws Exception;
    }

    private void write(ObjectStore.RecordListing listed) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (String id : listed.ids()) {
                puts.add(writers.submit(() -> {
                    add(id);
                    if (listed.corrected().contains(id)) {
                        markCorrected(id);
                    }
                    return null;
                }));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        } finally {
            writers.shutdownNow();
        }
    }

    static String key(String id) {
        return PREFIX + id.substring(0, 2) + "/" + id;
    }

    private void put(String key) throws Exception {
        client.putObject(PutObjectArgs.builder().bucket(ObjectStore.SYSTEM).object(key)
                .stream(new ByteArrayInputStream(new byte[0]), 0, -1).build());
    }

    private boolean exists(String key) throws Exception {
        try (GetObjectResponse in = client.getObject(GetObjectArgs.builder().bucket(ObjectStore.SYSTEM).object(key).build())) {
            return true;
        } catch (ErrorResponseException e) {
            if (ObjectStore.isNotFound(e)) {
                return false;
            }
            throw e;
        }
    }
}
