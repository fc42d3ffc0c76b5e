package vn.sohoa.pipeline.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * One archiving at a time for each document (the same bytes dropped twice are archived once, the
 * second copy noted as a duplicate after the first is done). A document's turn is kept only while a
 * file holds it or waits for it, so an archive of any size leaves nothing behind. A turn may be given
 * back by another thread than the one that took it (an exchange moves between threads).
 */
final class DocumentTurns {

    private final Map<String, Turn> turns = new ConcurrentHashMap<>();

    /** Waits for the document's turn; the caller gives it back with {@link #giveBack(String)}. */
    void take(String id) throws InterruptedException {
        Turn turn = turns.compute(id, (k, existing) -> (existing == null ? new Turn() : existing).join());
        try {
            turn.semaphore.acquire();
        } catch (InterruptedException e) {
            leave(id);
            throw e;
        }
    }

    void giveBack(String id) {
        Turn turn = turns.get(id);
        if (turn != null) {
            turn.semaphore.release();
            leave(id);
        }
    }

    /** Documents whose turn a file holds or waits for. */
    int held() {
        return turns.size();
    }

    private void leave(String id) {
        turns.computeIfPresent(id, (k, turn) -> turn.leave() ? null : turn);
    }

    private static final class Turn {

        private final Semaphore semaphore = new Semaphore(1);
        /** Files holding or waiting for the turn; changed only inside the map's compute for the id. */
        private int files;

        private Turn join() {
            files++;
            return this;
        }

        /** @return true when no file needs the turn any more */
        private boolean leave() {
            return --files == 0;
        }
    }
}
