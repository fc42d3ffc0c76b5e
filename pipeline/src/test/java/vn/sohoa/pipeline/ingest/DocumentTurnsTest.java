package vn.sohoa.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DocumentTurnsTest {

    private final DocumentTurns turns = new DocumentTurns();

    @Test
    void aSecondCopyOfADocumentWaitsForTheFirstAndOtherDocumentsDoNot() throws Exception {
        turns.take("a");
        turns.take("b");
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            try {
                waiting.countDown();
                turns.take("a");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        waiting.await();
        Thread.sleep(200);
        assertFalse(second.isDone(), "the second copy waits while the first is archived");

        turns.giveBack("a");
        second.get(5, TimeUnit.SECONDS);
        turns.giveBack("a");
        turns.giveBack("b");
    }

    @Test
    void nothingIsKeptOfDocumentsNoFileHoldsOrWaitsFor() throws Exception {
        for (int i = 0; i < 1000; i++) {
            turns.take("document " + i);
            turns.giveBack("document " + i);
        }
        turns.take("a");
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            try {
                turns.take("a");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        turns.giveBack("a");
        second.get(5, TimeUnit.SECONDS);
        assertEquals(1, turns.held(), "the second copy holds its turn");
        turns.giveBack("a");
        assertEquals(0, turns.held());
    }
}
