package vn.sohoa.pipeline.ingest;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import vn.sohoa.core.index.DocumentIndex;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.ocr.work.BrokerConnection;

/**
 * Whether the engines (object store, index, the broker carrying page work) answer now. A call that
 * failed while they do was refused for this file (a value the index cannot take, a request the store
 * rejects): it is the file's failure, not an outage. Decided by asking the engines, not by the
 * exception's class.
 */
public class EnginesAnswer implements Predicate {

    private final ObjectStore store;
    private final DocumentIndex index;
    private final BrokerConnection broker;

    public EnginesAnswer(ObjectStore store, DocumentIndex index, BrokerConnection broker) {
        this.store = store;
        this.index = index;
        this.broker = broker;
    }

    @Override
    public boolean matches(Exchange exchange) {
        return store.isAvailable() && index.isAvailable() && broker.answers();
    }
}
