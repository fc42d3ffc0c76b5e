package vn.sohoa.pipeline.maintenance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.sohoa.core.document.Correction;
import vn.sohoa.core.document.DocumentRecord;
import vn.sohoa.core.index.DocumentIndex;
import vn.sohoa.core.index.IndexEntry;
import vn.sohoa.core.index.IndexException;
import vn.sohoa.core.index.RecordIndexing;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StorageException;

/**
 * Rebuilds the search index from storage alone, without OCR: every record goes into a new index,
 * the alias moves to it in one step (search keeps answering from the old one meanwhile), then
 * documents archived during the rebuild are added to the new one. Records are read a batch per
 * reader, several batches ahead of the one being indexed; corrections only for the documents the
 * listing shows have some; the new index is refreshed once, when it is full.
 */
public class IndexRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(IndexRebuild.class);
    private static final int BATCH = 100;
    private static final int READERS = 4;

    private final ObjectStore store;
    private final DocumentIndex index;

    public IndexRebuild(ObjectStore store, DocumentIndex index) {
        this.store = store;
        this.index = index;
    }

    /**
     * How many documents the new index holds, and what it is called; the records it refused (a value
     * it cannot take) are left out of it, named in the log, and counted.
     */
    public record Result(String index, int documents, int caughtUp, int refused) {
    }

    /**
     * Rebuilds the index if an older version of sohoa made it (its mapping lacks what searches now
     * use); searches keep answering from it meanwhile.
     */
    public void runIfOutdated() throws StorageException, IndexException {
        if (!index.isCurrent()) {
            LOG.info("The search index was made by an older version of sohoa: rebuilding it from storage");
            run();
        }
    }

    public synchronized Result run() throws StorageException, IndexException {
        long started = System.nanoTime();
        String target = index.createVersion();
        ObjectStore.RecordListing listing = store.records();
        Set<String> indexed = new HashSet<>();
        Map<String, String> refused = new LinkedHashMap<>();
        ExecutorService readers = Executors.newFixedThreadPool(READERS, r -> {
            Thread thread = new Thread(r, "index-rebuild-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Queue<Future<List<IndexEntry>>> reading = new ArrayDeque<>();
            List<String> ids = listing.ids();
            for (int from = 0; from < ids.size(); from += BATCH) {
                List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
                reading.add(readers.submit(() -> entries(batch, listing)));
                if (reading.size() > READERS) {
                    indexed.addAll(put(target, reading.remove(), refused));
                }
            }
            while (!reading.isEmpty()) {
                indexed.addAll(put(target, reading.remove(), refused));
            }
        } finally {
            readers.shutdownNow();
        }
        index.makeSearchable(target);
        index.switchAliasTo(target);
        int caughtUp = 0;
        for (String id : store.recordIds()) {
            if (!indexed.contains(id) && !refused.containsKey(id)) {
                DocumentRecord record = store.findRecord(id).orElse(null);
                if (record != null) {
                    RecordIndexing.put(store, index, record);
                    caughtUp++;
                }
            }
        }
        refused.forEach((id, reason) -> LOG.error("The index refused the record {}, left out of the new index: {}", id, reason));
        LOG.info("Rebuilt the index {} from storage: {} documents (+{} archived meanwhile, {} refused) in {} s", target,
                indexed.size(), caughtUp, refused.size(), (System.nanoTime() - started) / 1_000_000_000);
        // The batches read ahead outlive young collections: the heap grows by hundreds of MB of dead
        // records that G1 hands back to the system only after a full collection.
        System.gc();
        return new Result(target, indexed.size() + caughtUp, caughtUp, refused.size());
    }

    private List<IndexEntry> entries(List<String> ids, ObjectStore.RecordListing listing) throws StorageException {
        List<IndexEntry> entries = new ArrayList<>(ids.size());
        for (String id : ids) {
            Optional<DocumentRecord> record = store.findRecord(id);
            if (record.isPresent()) {
                List<Correction> corrections = listing.corrected().contains(id) ? store.corrections(id).list() : List.of();
                entries.add(IndexEntry.of(record.get(), corrections));
            }
        }
        return entries;
    }

    /** Indexes the batch once it is read; the ids it indexed (those it refused go to {@code refused}). */
    private List<String> put(String target, Future<List<IndexEntry>> batch, Map<String, String> refused)
            throws StorageException, IndexException {
        List<IndexEntry> entries;
        try {
            entries = batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexException("Index rebuild interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StorageException storage) {
                throw storage;
            }
            throw new IllegalStateException(e.getCause());
        }
        Map<String, String> refusedNow = index.putAll(target, entries);
        refused.putAll(refusedNow);
        return entries.stream().map(IndexEntry::id).filter(id -> !refusedNow.containsKey(id)).toList();
    }
}
