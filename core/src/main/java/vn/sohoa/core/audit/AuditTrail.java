package vn.sohoa.core.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.storage.Checksums;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StorageException;

/**
 * The audit trail, append-only in object storage: {@code audit/CHAIN/SEQ.json} in bucket
 * {@code system}. Each run of sohoa writes one chain; each entry carries the SHA-256 of the stored
 * bytes of the entry before it (the first entry of a chain, of the last entry written before the
 * chain began), so a changed or removed entry breaks the link after it. An entry is forced to the
 * run's journal on the local disk before the request it records is answered, and stored right after
 * in the background; a journal left by a run that ended before all of it was stored is stored at the
 * next start, before the new chain begins. So a crash loses no entry of an answered request, and no
 * request waits for object storage (nor fails while it is down: the entries wait in the journal).
 */
public class AuditTrail implements AutoCloseable {

    static final String PREFIX = "audit/";
    private static final Pattern ENTRY_KEY = Pattern.compile("audit/[^/]+/\\d{10}\\.json");
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final DateTimeFormatter CHAIN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final long FIRST_RETRY_MILLIS = 500;
    private static final long LAST_RETRY_MILLIS = 30_000;
    /**
     * A journal whose entries are all stored is emptied once it holds more than this (about a hundred
     * entries): not after each entry, which would force the disk twice an entry; what a crash leaves
     * of it is stored again at the next start, the same bytes under the same keys.
     */
    private static final long JOURNAL_BYTES = 64 << 10;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    /** Long enough for entries being stored when a verify reads the trail to be stored. */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private final EntryStore entries;
    private final AuditJournal journal;
    private final String chain;
    private final ExecutorService storing = Executors.newSingleThreadExecutor(r -> daemon(r, "audit-store"));
    private final ExecutorService writers = Executors.newCachedThreadPool(r -> daemon(r, "audit-store-entry"));
    /** The last entry journaled: its place and hash. */
    private long seq;
    private String head;
    /** The place of the last entry in storage: every entry up to it is stored. */
    private long stored;
    /** Entries waiting for the batch being journaled to end. */
    private List<Pending> gathering = new ArrayList<>();
    private boolean journaling;

    AuditTrail(EntryStore entries, AuditJournal journal, String chain, String head) {
        this.entries = entries;
        this.journal = journal;
        this.chain = chain;
        this.head = head;
    }

    /**
     * Stores the entries journals in {@code journals} hold from runs that ended before storing them,
     * then opens a new chain, linked to the last entry stored, with its journal there.
     */
    public static AuditTrail open(ObjectStore store, Path journals) throws StorageException {
        EntryStore entries = EntryStore.in(store);
        try {
            AuditJournal.storeLeftovers(journals, entry -> {
                Optional<AuditEntry> parsed = parse(entry);
                if (parsed.isEmpty()) {
                    LOG.warn("A line of an audit journal in {} is no entry; left out", journals);
                    return;
                }
                entries.put(key(parsed.get().chain(), parsed.get().seq()), entry);
            });
            List<String> keys = entryKeys(store);
            String head = null;
            if (!keys.isEmpty()) {
                byte[] last = store.getSystemObject(keys.get(keys.size() - 1)).orElseThrow();
                head = Checksums.sha256(last);
            }
            String chain = ZonedDateTime.now(ZoneOffset.UTC).format(CHAIN_TIME) + "-"
                    + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
            return new AuditTrail(entries, AuditJournal.create(journals, chain), chain, head);
        } catch (IOException e) {
            throw new StorageException("The audit journal in " + journals + " cannot be used: " + e.getMessage(), e);
        }
    }

    /**
     * Puts the entry at the end of this run's chain, in the journal; returns it as placed. Entries
     * that arrive while others are being journaled wait, then are journaled together (one write to
     * the disk for all). An entry is returned only once it and every entry before it are journaled;
     * it is stored in the background.
     */
    public AuditEntry append(AuditEntry entry) throws StorageException {
        Pending mine = new Pending(entry);
        List<Pending> batch;
        synchronized (this) {
            gathering.add(mine);
            boolean interrupted = false;
            while (journaling && !mine.ended()) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    // The entry may already be in a batch being journaled: it is seen through, the interrupt kept.
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
            journaling = true;
        }
        try {
            journal(batch);
        } finally {
            synchronized (this) {
                journaling = false;
                notifyAll();
            }
        }
        return mine.outcome();
    }

    private void journal(List<Pending> batch) {
        long at;
        String link;
        boolean allStored;
        synchronized (this) {
            at = seq;
            link = head;
            allStored = stored == seq;
        }
        try {
            for (Pending pending : batch) {
                pending.place(chain, ++at, link);
                link = pending.hash;
            }
            emptyJournalIfStored(allStored);
            journal.append(batch.stream().map(pending -> pending.bytes).toList());
        } catch (StorageException e) {
            batch.forEach(pending -> pending.failed(e));
            return;
        } catch (IOException e) {
            StorageException failure = new StorageException("Audit entry not written to the journal: " + e.getMessage(), e);
            batch.forEach(pending -> pending.failed(failure));
            return;
        }
        synchronized (this) {
            seq = at;
            head = link;
        }
        List<Pending> journaled = List.copyOf(batch);
        try {
            storing.execute(() -> store(journaled));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // Closing: the journal keeps them, stored at the next start.
        }
        batch.forEach(Pending::journaled);
    }

    /** Stores a journaled batch, trying again while storage refuses it; then empties the journal if nothing else waits. */
    private void store(List<Pending> batch) {
        List<Pending> left = batch;
        long retry = FIRST_RETRY_MILLIS;
        boolean refused = false;
        while (true) {
            left = writeAll(left);
            if (left.isEmpty()) {
                break;
            }
            if (storing.isShutdown()) {
                return;
            }
            if (!refused) {
                LOG.warn("Audit entries from {} wait in the journal until storage takes them: {}",
                        key(chain, left.get(0).placed.seq()), left.get(0).failure.getMessage());
                refused = true;
            }
            try {
                Thread.sleep(retry);
            } catch (InterruptedException e) {
                return;
            }
            retry = Math.min(retry * 2, LAST_RETRY_MILLIS);
        }
        if (refused) {
            LOG.info("Audit entries stored again, up to {}", key(chain, batch.get(batch.size() - 1).placed.seq()));
        }
        synchronized (this) {
            stored = batch.get(batch.size() - 1).placed.seq();
            if (!journaling) {
                try {
                    emptyJournalIfStored(stored == seq);
                } catch (IOException e) {
                    LOG.debug("Audit journal not emptied: {}", e.getMessage());
                }
            }
            notifyAll();
        }
    }

    /**
     * Empties the journal when every entry in it is stored and it holds more than {@link #JOURNAL_BYTES};
     * only by the thread that may write it now (the one journaling, or the store thread while nobody is).
     */
    private void emptyJournalIfStored(boolean allStored) throws IOException {
        if (allStored && journal.size() > JOURNAL_BYTES) {
            journal.clear();
        }
    }

    /** Writes the entries at the same time; returns those storage refused. */
    private List<Pending> writeAll(List<Pending> batch) {
        List<Future<?>> writes = new ArrayList<>();
        for (Pending pending : batch.subList(1, batch.size())) {
            writes.add(writers.submit(() -> write(pending)));
        }
        write(batch.get(0));
        for (Future<?> write : writes) {
            try {
                write.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return batch;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return batch.stream().filter(pending -> pending.failure != null).toList();
    }

    private void write(Pending pending) {
        try {
            entries.put(key(chain, pending.placed.seq()), pending.bytes);
            pending.failure = null;
        } catch (StorageException e) {
            pending.failure = e;
        }
    }

    /** Waits until every entry appended so far is stored, at most {@code timeout}; whether they are. */
    public boolean awaitStored(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            long last = seq;
            while (stored < last) {
                long millis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (millis <= 0) {
                    return false;
                }
                wait(millis);
            }
            return true;
        }
    }

    /** Stores what waits (for a while, if storage refuses it); what is still not stored stays in the journal for the next start. */
    @Override
    public void close() {
        storing.shutdown();
        try {
            if (!storing.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                storing.shutdownNow();
            }
        } catch (InterruptedException e) {
            storing.shutdownNow();
            Thread.currentThread().interrupt();
        }
        writers.shutdownNow();
        synchronized (this) {
            try {
                if (stored == seq) {
                    journal.delete();
                } else {
                    LOG.warn("{} audit entries not stored yet: kept in the journal, stored at the next start", seq - stored);
                    journal.close();
                }
            } catch (IOException e) {
                LOG.warn("Audit journal not closed: {}", e.getMessage());
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** An entry on its way into the trail. */
    private static final class Pending {
        private final AuditEntry entry;
        private AuditEntry placed;
        private byte[] bytes;
        private String hash;
        /** Why its last write to storage failed, if it did. */
        private volatile StorageException failure;
        private volatile boolean ended;
        /** Why it is not in the trail. */
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

        void journaled() {
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

    /** Where entries are stored: bucket {@code system} of object storage. */
    @FunctionalInterface
    interface EntryStore {
        void put(String key, byte[] bytes) throws StorageException;

        static EntryStore in(ObjectStore store) {
            return store::putSystemObject;
        }
    }

    /**
     * The keys of the stored entries, in order. Other objects under the prefix are not entries: the
     * embedded S3 server writes an object under its key plus a suffix first, and one killed during a
     * write leaves that part behind, listed ("0000000001.json-UUID").
     */
    private static List<String> entryKeys(ObjectStore store) throws StorageException {
        return store.systemKeys(PREFIX).stream().filter(key -> ENTRY_KEY.matcher(key).matches()).toList();
    }

    /** How many entries are stored, from the listing alone. */
    public static long count(ObjectStore store) throws StorageException {
        return entryKeys(store).size();
    }

    /** Every stored entry, chain after chain, in order. */
    public static List<AuditEntry> readAll(ObjectStore store) throws StorageException {
        List<AuditEntry> entries = new ArrayList<>();
        for (String key : entryKeys(store)) {
            store.getSystemObject(key).flatMap(AuditTrail::parse).ifPresent(entries::add);
        }
        return entries;
    }

    /**
     * Re-reads the whole trail and checks every link: each entry's {@code previous} must be the
     * SHA-256 of the entry before it in its chain, and a chain's first entry must point at an entry
     * of another chain (the last one written before the chain began). The first entry whose link does
     * not hold is named: the one that was changed, when the entry after it no longer matches it.
     * Entries another sohoa is storing meanwhile may be read half-written or before the entry ahead
     * of them: a trail found broken is read once more a little later, and only what is still broken
     * then is reported.
     */
    public static Verification verify(ObjectStore store) throws StorageException, InterruptedException {
        Verification first = check(store);
        if (first.intact()) {
            return first;
        }
        Thread.sleep(SETTLE.toMillis());
        return check(store);
    }

    private static Verification check(ObjectStore store) throws StorageException {
        List<String> keys = entryKeys(store);
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
