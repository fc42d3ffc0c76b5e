package vn.sohoa.pipeline.ingest;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import vn.sohoa.core.index.DocumentIndex;
import vn.sohoa.core.storage.ObjectStore;

/**
 * Whether both engines answer now. A storage or index call that failed while they do was refused
 * for this file (a value the index cannot take, a request the store rejects): it is the file's
 * failure, not an outage. Decided by asking the engines, not by the exception's class.
 */
public class EnginesAnswer implements Predicate {

    private final ObjectStore store;
    private final DocumentIndex index;

    public EnginesAnswer(ObjectStore store, DocumentIndex index) {
        this.store = store;
        this.index = index;
    }

    @Override
    public boolean matches(Exchange exchange) {
        return store.isAvailable() && index.isAvailable();
    }
}
