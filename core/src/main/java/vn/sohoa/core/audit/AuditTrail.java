package vn.sohoa.core.audit;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.storage.Checksums;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StorageException;

/**
 * The audit trail, append-only in object storage: {@code audit/CHAIN/SEQ.json} in bucket
 * {@code system}. Each run of sohoa writes one chain; each entry carries the SHA-256 of the stored
 * bytes of the entry before it (the first entry of a chain, of the last entry written before the
 * chain began), so a changed or removed entry breaks the link after it. An entry is stored before
 * the request it records is answered.
 */
public class AuditTrail {

    static final String PREFIX = "audit/";
    private static final DateTimeFormatter CHAIN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final ObjectStore store;
    private final String chain;
    private long seq;
    private String head;

    private AuditTrail(ObjectStore store, String chain, String head) {
        this.store = store;
        this.chain = chain;
        this.head = head;
    }

    /** Opens a new chain, linked to the last entry stored so far. */
    public static AuditTrail open(ObjectStore store) throws StorageException {
        List<String> keys = store.systemKeys(PREFIX);
        String head = null;
        if (!keys.isEmpty()) {
            byte[] last = store.getSystemObject(keys.get(keys.size() - 1)).orElseThrow();
            head = Checksums.sha256(last);
        }
        String chain = ZonedDateTime.now(ZoneOffset.UTC).format(CHAIN_TIME) + "-"
                + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
        return new AuditTrail(store, chain, head);
    }

    /** Stores the entry at the end of this run's chain; returns it as stored. */
    public synchronized AuditEntry append(AuditEntry entry) throws StorageException {
        AuditEntry placed = entry.placed(chain, seq + 1, head);
        byte[] bytes;
        try {
            bytes = Json.MAPPER.writeValueAsBytes(placed);
        } catch (IOException e) {
            throw new StorageException("Audit entry could not be written: " + e.getMessage(), e);
        }
        store.putSystemObject(key(chain, placed.seq()), bytes);
        seq = placed.seq();
        head = Checksums.sha256(bytes);
        return placed;
    }

    /** Every stored entry, chain after chain, in order. */
    public static List<AuditEntry> readAll(ObjectStore store) throws StorageException {
        List<AuditEntry> entries = new ArrayList<>();
        for (String key : store.systemKeys(PREFIX)) {
            store.getSystemObject(key).flatMap(AuditTrail::parse).ifPresent(entries::add);
        }
        return entries;
    }

    /**
     * Re-reads the whole trail and checks every link: each entry's {@code previous} must be the
     * SHA-256 of the entry before it in its chain, and a chain's first entry must point at an entry
     * written before it. The first entry whose link does not hold is named.
     */
    public static Verification verify(ObjectStore store) throws StorageException {
        Set<String> earlier = new HashSet<>();
        String chainBefore = null;
        String previousHash = null;
        long checked = 0;
        for (String key : store.systemKeys(PREFIX)) {
            byte[] bytes = store.getSystemObject(key).orElse(null);
            Optional<AuditEntry> entry = bytes == null ? Optional.empty() : parse(bytes);
            if (entry.isEmpty()) {
                return new Verification(false, checked, key, "the entry cannot be read");
            }
            AuditEntry e = entry.get();
            boolean firstOfChain = !e.chain().equals(chainBefore);
            boolean linked = firstOfChain
                    ? e.previous() == null ? earlier.isEmpty() : earlier.contains(e.previous())
                    : e.previous() != null && e.previous().equals(previousHash);
            if (!linked || !key.equals(key(e.chain(), e.seq())) || !firstOfChain && e.seq() != seqOf(key) ) {
                return new Verification(false, checked, key,
                        "its link to the entry before does not hold: that entry or this one was changed or removed");
            }
            previousHash = Checksums.sha256(bytes);
            earlier.add(previousHash);
            chainBefore = e.chain();
            checked++;
        }
        return new Verification(true, checked, null, null);
    }

    /** What checking the trail found; {@code firstBroken} is the key of the first entry whose link fails. */
    public record Verification(boolean intact, long entries, String firstBroken, String problem) {
    }

    private static long seqOf(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1, key.length() - ".json".length());
        return Long.parseLong(name);
    }

    private static Optional<AuditEntry> parse(byte[] bytes) {
        try {
            AuditEntry entry = Json.MAPPER.readValue(bytes, AuditEntry.class);
            return entry.chain() == null ? Optional.empty() : Optional.of(entry);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static String key(String chain, long seq) {
        return PREFIX + chain + "/" + String.format("%010d", seq) + ".json";
    }
}
