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
        if (wasWaiting(before)) {
            waiting.decrementAndGet();
        }
    }

    public void pageDone(String id) {
        pagesDone.incrementAndGet();
        byId.computeIfPresent(id, (k, s) -> new Status(s.state(), s.fileName(), s.reason(), s.pagesDone() + 1));
    }

    public void archived(String id, String fileName, boolean duplicate) {
        (duplicate ? duplicates : archived).incrementAndGet();
        Status before = byId.get(id);
        byId.put(id, new Status(duplicate ? State.DUPLICATE : State.ARCHIVED, fileName, null,
                before == null ? 0 : before.pagesDone()));
        leftWork(before);
    }

    public void failed(String id, String fileName, String reason) {
        failed.incrementAndGet();
        leftWork(id == null ? null : byId.put(id, new Status(State.FAILED, fileName, reason)));
    }

    /**
     * An engine does not answer: the file waits for it, in the watched folder or between retries, and
     * is no longer counted as worked on. Counted once however often it is retried.
     */
    public void waiting(String id, String fileName, String reason) {
        Status before = id == null ? null : byId.put(id, new Status(State.WAITING, fileName, reason));
        if (id == null) {
            inProgress.decrementAndGet();
        } else if (!wasWaiting(before)) {
            inProgress.decrementAndGet();
            waiting.incrementAndGet();
        }
    }

    private void leftWork(Status before) {
        if (wasWaiting(before)) {
            waiting.decrementAndGet();
        } else {
            inProgress.decrementAndGet();
        }
    }

    private static boolean wasWaiting(Status status) {
        return status != null && status.state() == State.WAITING;
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
