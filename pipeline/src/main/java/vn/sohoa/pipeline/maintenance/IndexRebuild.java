package vn.sohoa.pipeline.maintenance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * documents archived during the rebuild are added to the new one.
 */
public class IndexRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(IndexRebuild.class);
    private static final int BATCH = 50;

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

    public synchronized Result run() throws StorageException, IndexException {
        long started = System.nanoTime();
        String target = index.createVersion();
        List<String> ids = store.recordIds();
        List<IndexEntry> batch = new ArrayList<>(BATCH);
        Map<String, String> refused = new LinkedHashMap<>();
        for (String id : ids) {
            Optional<DocumentRecord> record = store.findRecord(id);
            if (record.isPresent()) {
                batch.add(IndexEntry.of(record.get(), store.corrections(id).list()));
            }
            if (batch.size() == BATCH) {
                refused.putAll(index.putAll(target, batch));
                batch.clear();
            }
        }
        refused.putAll(index.putAll(target, batch));
        refused.forEach((id, reason) -> LOG.error("The index refused the record {}, left out of the new index: {}", id, reason));
        index.switchAliasTo(target);
        int caughtUp = 0;
        for (String id : store.recordIds()) {
            if (!index.contains(id)) {
                DocumentRecord record = store.findRecord(id).orElse(null);
                if (record != null) {
                    RecordIndexing.put(store, index, record);
                    caughtUp++;
                }
            }
        }
        int indexed = ids.size() - refused.size();
        LOG.info("Rebuilt the index {} from storage: {} documents (+{} archived meanwhile, {} refused) in {} s", target,
                indexed, caughtUp, refused.size(), (System.nanoTime() - started) / 1_000_000_000);
        return new Result(target, indexed + caughtUp, caughtUp, refused.size());
    }
}
