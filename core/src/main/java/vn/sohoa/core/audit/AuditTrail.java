package vn.sohoa.core.audit;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    private final EntryStore entries;
    private final String chain;
    private final ExecutorService writers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "audit-store");
        t.setDaemon(true);
        return t;
    });
    private long seq;
    private String head;
    /** Entries waiting for the batch being stored to end. */
    private List<Pending> gathering = new ArrayList<>();
    private boolean storing;
    /** Entries stored after one that could not be: removed before anything else is stored. */
    private final List<String> strays = new ArrayList<>();

    AuditTrail(EntryStore entries, String chain, String head) {
        this.entries = entries;
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
        return new AuditTrail(EntryStore.in(store), chain, head);
    }

    /**
     * Stores the entry at the end of this run's chain; returns it as stored. Entries that arrive
     * while others are being stored wait, then are stored together, each its own object written at
     * the same time as the others: concurrent requests do not wait for each other's writes one after
     * another. An entry is returned only once it and every entry before it are stored.
     */
    public AuditEntry append(AuditEntry entry) throws StorageException {
        Pending mine = new Pending(entry);
        List<Pending> batch;
        synchronized (this) {
            gathering.add(mine);
            boolean interrupted = false;
            while (storing && !mine.ended()) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    // The entry may already be in a batch being stored: it is seen through, the interrupt kept.
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (mine.ended()) {
                return mine.outcome();
            }
            batch = gathering;
            gathering = new ArrayList<>();
            storing = true;
        }
        try {
            store(batch);
        } finally {
            for (Pending pending : batch) {
                if (!pending.ended()) {
                    pending.failed(new StorageException("Audit entry not stored: storing its batch failed", null));
                }
            }
            synchronized (this) {
                storing = false;
                notifyAll();
            }
        }
        return mine.outcome();
    }

    /** How many entries wait for the batch being stored. */
    synchronized int gathered() {
        return gathering.size();
    }

    private void store(List<Pending> batch) {
        long at;
        String link;
        synchronized (this) {
            at = seq;
            link = head;
        }
        try {
            removeStrays();
            for (Pending pending : batch) {
                pending.place(chain, ++at, link);
                link = pending.hash;
            }
        } catch (StorageException e) {
            batch.forEach(pending -> pending.failed(e));
            return;
        }
        List<Future<?>> writes = new ArrayList<>();
        for (Pending pending : batch.subList(1, batch.size())) {
            writes.add(writers.submit(() -> write(pending)));
        }
        write(batch.get(0));
        writes.forEach(AuditTrail::awaitUninterruptibly);
        StorageException firstFailure = null;
        Pending lastStored = null;
        for (Pending pending : batch) {
            if (firstFailure == null && pending.failure == null) {
                lastStored = pending;
                pending.stored();
                continue;
            }
            if (firstFailure == null) {
                firstFailure = pending.failure;
            } else if (pending.failure == null) {
                strays.add(key(chain, pending.placed.seq()));
            }
            // Its link points at an entry that is not stored: it is not stored either.
            pending.failed(firstFailure);
        }
        synchronized (this) {
            if (lastStored != null) {
                seq = lastStored.placed.seq();
                head = lastStored.hash;
            }
        }
        try {
            removeStrays();
        } catch (StorageException e) {
            // Tried again before the next entries are stored.
        }
    }

    private void write(Pending pending) {
        try {
            entries.put(key(chain, pending.placed.seq()), pending.bytes);
        } catch (StorageException e) {
            pending.failure = e;
        }
    }

    private void removeStrays() throws StorageException {
        while (!strays.isEmpty()) {
            entries.delete(strays.get(0));
            strays.remove(0);
        }
    }

    private static void awaitUninterruptibly(Future<?> write) {
        boolean interrupted = false;
        while (true) {
            try {
                write.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** An entry on its way into storage. */
    private static final class Pending {
        private final AuditEntry entry;
        private AuditEntry placed;
        private byte[] bytes;
        private String hash;
        /** Why its own write failed, if it did. */
        private StorageException failure;
        private volatile boolean ended;
        /** Why it is not in the trail: its own write's failure or that of an entry before it. */
        private StorageException outcomeFailure;

        Pending(AuditEntry entry) {
            this.entry = entry;
        }

        void place(String chain, long seq, String previous) throws StorageException {
            placed = entry.placed(chain, seq, previous);
            try {
                bytes = Json.MAPPER.writeValueAsBytes(placed);
            } catch (IOException e) {
                throw new StorageException("Audit entry could not be written: " + e.getMessage(), e);
            }
            hash = Checksums.sha256(bytes);
        }

        void stored() {
            ended = true;
        }

        void failed(StorageException e) {
            outcomeFailure = e;
            ended = true;
        }

        boolean ended() {
            return ended;
        }

        AuditEntry outcome() throws StorageException {
            if (outcomeFailure != null) {
                throw outcomeFailure;
            }
            return placed;
        }
    }

    /** Where entries are written: bucket {@code system} of object storage. */
    interface EntryStore {
        void put(String key, byte[] bytes) throws StorageException;

        void delete(String key) throws StorageException;

        static EntryStore in(ObjectStore store) {
            return new EntryStore() {
                @Override
                public void put(String key, byte[] bytes) throws StorageException {
                    store.putSystemObject(key, bytes);
                }

                @Override
                public void delete(String key) throws StorageException {
                    store.deleteSystemObject(key);
                }
            };
        }
    }

    /** How many entries are stored, from the listing alone. */
    public static long count(ObjectStore store) throws StorageException {
        return store.systemKeys(PREFIX).size();
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
     * of another chain (the last one written before the chain began). The first entry whose link does
     * not hold is named: the one that was changed, when the entry after it no longer matches it.
     */
    public static Verification verify(ObjectStore store) throws StorageException {
        List<String> keys = store.systemKeys(PREFIX);
        List<byte[]> stored = new ArrayList<>();
        java.util.Map<String, String> chainOfHash = new java.util.HashMap<>();
        for (String key : keys) {
            byte[] bytes = store.getSystemObject(key).orElse(new byte[0]);
            stored.add(bytes);
            chainOfHash.put(Checksums.sha256(bytes), chainOf(key));
        }
        String previousHash = null;
        String previousKey = null;
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            Optional<AuditEntry> entry = parse(stored.get(i));
            if (entry.isEmpty()) {
                return new Verification(false, i, key, "the entry cannot be read");
            }
            AuditEntry e = entry.get();
            if (!key.equals(key(e.chain(), e.seq()))) {
                return new Verification(false, i, key, "the entry says it is " + key(e.chain(), e.seq()));
            }
            boolean firstOfChain = previousKey == null || !chainOf(previousKey).equals(e.chain());
            if (firstOfChain) {
                boolean linked = e.previous() == null ? i == 0
                        : chainOfHash.containsKey(e.previous()) && !chainOfHash.get(e.previous()).equals(e.chain());
                if (!linked || e.seq() != 1) {
                    return new Verification(false, i, key, "its link to the entries before its chain does not hold: "
                            + "an entry was removed or changed");
                }
            } else if (!previousHash.equals(e.previous()) || e.seq() != seqOf(previousKey) + 1) {
                return new Verification(false, i, previousKey, "the entry after it, " + key
                        + ", no longer matches it: it was changed or removed, or the one after it was changed");
            }
            previousHash = Checksums.sha256(stored.get(i));
            previousKey = key;
        }
        return new Verification(true, keys.size(), null, null);
    }

    private static String chainOf(String key) {
        return key.substring(PREFIX.length(), key.lastIndexOf('/'));
    }

    private static long seqOf(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf('/') + 1, key.length() - ".json".length()));
    }

    /** What checking the trail found; {@code firstBroken} is the key of the first entry whose link fails. */
    public record Verification(boolean intact, long entries, String firstBroken, String problem) {
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
