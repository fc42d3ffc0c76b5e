package vn.sohoa.core.index;

import java.util.concurrent.locks.ReentrantLock;
import vn.sohoa.core.document.DocumentRecord;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StorageException;

/**
 * Indexes a record with the corrections stored beside it, the one way every writer of the index
 * does it, under a lock per document: a correction and another update of the same document (its
 * manifest applied again, its signer completed) cannot index each other's stale half.
 */
public final class RecordIndexing {

    /** Many: a file's put holds its stripe until the index's next refresh, and dozens are archived at once. */
    private static final ReentrantLock[] STRIPES = new ReentrantLock[1024];

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new ReentrantLock();
        }
    }

    private RecordIndexing() {
    }

    /** The lock of one document (shared with a few others), held by whoever writes its corrections or index entry. */
    public static ReentrantLock lockOf(String id) {
        return STRIPES[Math.floorMod(id.hashCode(), STRIPES.length)];
    }

    public static void put(ObjectStore store, DocumentIndex index, DocumentRecord record)
            throws StorageException, IndexException {
        put(store, index, record, DocumentIndex.Visible.AT_ONCE);
    }

    /** As {@link #put(ObjectStore, DocumentIndex, DocumentRecord)}, the lock held until the document shows in searches. */
    public static void put(ObjectStore store, DocumentIndex index, DocumentRecord record, DocumentIndex.Visible visible)
            throws StorageException, IndexException {
        ReentrantLock lock = lockOf(record.id());
        lock.lock();
        try {
            index.put(record, store.corrections(record.id()).list(), visible);
        } finally {
            lock.unlock();
        }
    }
}
