package vn.sohoa.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IngestTrackerTest {

    @Test
    void aFileWaitingForAnEngineIsCountedOnceAndNotAsWorkedOn() {
        IngestTracker tracker = new IngestTracker();
        tracker.started();
        tracker.identified("a", "a.pdf");
        assertEquals(1, tracker.inProgress());
        tracker.waiting("a", "a.pdf", "down");
        tracker.waiting("a", "a.pdf", "still down");
        assertEquals(0, tracker.inProgress());
        assertEquals(1, tracker.waitingForEngines());

        tracker.archived("a", "a.pdf", false);
        assertEquals(0, tracker.waitingForEngines(), "a retry that succeeds leaves the wait");
        assertEquals(0, tracker.inProgress());
        assertEquals(1, tracker.archived());
    }

    @Test
    void aFileTakenAgainAfterWaitingIsWorkedOnAgain() {
        IngestTracker tracker = new IngestTracker();
        tracker.started();
        tracker.identified("b", "b.pdf");
        tracker.waiting("b", "b.pdf", "down");
        tracker.started();
        tracker.identified("b", "b.pdf");
        assertEquals(1, tracker.inProgress());
        assertEquals(0, tracker.waitingForEngines());
        tracker.failed("b", "b.pdf", "refused");
        assertEquals(0, tracker.inProgress());
        assertEquals(1, tracker.failed());
    }
}
