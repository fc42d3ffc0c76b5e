package vn.sohoa.pipeline.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the pipeline is doing, for {@code /api/ingest/status} and the progress of {@code sohoa ingest}:
 * counts since start, and the last state of each document id seen.
 */
public class IngestTracker {

    public enum State { QUEUED, IN_PROGRESS, WAITING, ARCHIVED, DUPLICATE, FAILED }

    private final AtomicLong inProgress = new AtomicLong();
    private final AtomicLong archived = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong pagesDone = new AtomicLong();
    private final Map<String, Status> byId = new ConcurrentHashMap<>();

    /** The state of one document, the pages of it read so far and, for a failed one, why. */
    public record Status(State state, String fileName, String reason, int pagesDone) {

        public Status(State state, String fileName, String reason) {
            this(state, fileName, reason, 0);
        }
    }

    public void queued(String id, String fileName) {
        byId.put(id, new Status(State.QUEUED, fileName, null));
    }

    public void started() {
        inProgress.incrementAndGet();
    }

    public void identified(String id, String fileName) {
        Status before = byId.put(id, new Status(State.IN_PROGRESS, fileName, null));
        if (before != null && before.state() == State.WAITING) {
            waiting.decrementAndGet();
        }
    }

    public void pageDone(String id) {
        pagesDone.incrementAndGet();
        byId.computeIfPresent(id, (k, s) -> new Status(s.state(), s.fileName(), s.reason(), s.pagesDone() + 1));
    }

    public void archived(String id, String fileName, boolean duplicate) {
        inProgress.decrementAndGet();
        (duplicate ? duplicates : archived).incrementAndGet();
        byId.compute(id, (k, s) -> new Status(duplicate ? State.DUPLICATE : State.ARCHIVED, fileName, null,
                s == null ? 0 : s.pagesDone()));
    }

    public void failed(String id, String fileName, String reason) {
        inProgress.decrementAndGet();
        failed.incrementAndGet();
        if (id != null) {
            byId.put(id, new Status(State.FAILED, fileName, reason));
        }
    }

    /** An engine is unreachable: the file stays where it is and is tried again. */
    public void waiting(String id, String fileName, String reason) {
        inProgress.decrementAndGet();
        if (id == null) {
            return;
        }
        Status before = byId.put(id, new Status(State.WAITING, fileName, reason));
        if (before == null || before.state() != State.WAITING) {
            waiting.incrementAndGet();
        }
    }

    public Status status(String id) {
        return byId.get(id);
    }

    public long inProgress() {
        return inProgress.get();
    }

    public long archived() {
        return archived.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Files waiting now for an engine that did not answer (each counted once, however often retried). */
    public long waitingForEngines() {
        return waiting.get();
    }

    public long pagesDone() {
        return pagesDone.get();
    }
}
