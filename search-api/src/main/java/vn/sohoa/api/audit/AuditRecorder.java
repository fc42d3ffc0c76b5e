package vn.sohoa.api.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.sohoa.core.audit.AuditEntry;
import vn.sohoa.core.audit.AuditTrail;
import vn.sohoa.core.index.IndexException;
import vn.sohoa.core.storage.StorageException;

/**
 * Writes an audit entry to the trail (before the caller answers its request: a crash loses no entry
 * of an answered request), then to the audit index for querying, in the background,
 * the entries of a second in one request (each request costs Elasticsearch a few milliseconds of CPU
 * whatever it carries: one per search was an eighth of its CPU per search); a query of the index
 * first indexes what waits. The index is rebuilt from storage at start when it lags.
 */
public class AuditRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRecorder.class);
    private static final long INDEX_AFTER_MILLIS = 1_000;

    private final AuditTrail trail;
    private final Queue<AuditEntry> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AuditIndex index;
    private final ScheduledExecutorService indexing = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "audit-index");
        t.setDaemon(true);
        return t;
    });

    public AuditRecorder(AuditTrail trail, AuditIndex index) {
        this.trail = trail;
        this.index = index;
    }

    public void record(AuditEntry entry) throws StorageException {
        waiting.add(trail.append(entry));
        if (scheduled.compareAndSet(false, true)) {
            indexing.schedule(this::indexWaiting, INDEX_AFTER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Indexes every entry waiting in one request. */
    private void indexWaiting() {
        scheduled.set(false);
        List<AuditEntry> entries = new ArrayList<>();
        for (AuditEntry next = waiting.poll(); next != null; next = waiting.poll()) {
            entries.add(next);
        }
        if (entries.isEmpty()) {
            return;
        }
        try {
            index.putAll(entries);
        } catch (IndexException e) {
            LOG.warn("{} audit entries from {}/{} not indexed (rebuilt from storage at the next start): {}",
                    entries.size(), entries.get(0).chain(), entries.get(0).seq(), e.getMessage());
        }
    }

    /** Indexes the entries recorded so far now (for a query that must see them). */
    public void flush() throws InterruptedException {
        try {
            indexing.submit(this::indexWaiting).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until every entry recorded so far is in storage, at most {@code timeout}; whether they are. */
    public boolean awaitStored(java.time.Duration timeout) throws InterruptedException {
        return trail.awaitStored(timeout);
    }

    @Override
    public void close() {
        indexing.shutdown();
        trail.close();
    }
}
