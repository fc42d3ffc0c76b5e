package vn.sohoa.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.storage.Checksums;
import vn.sohoa.core.storage.StorageException;

class AuditTrailTest {

    private static final String CHAIN = "20261207T130000Z-0001";

    @Test
    void entriesArrivingWhileOneIsStoredAreThenStoredAtTheSameTime() throws Exception {
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        CyclicBarrier nextThreeTogether = new CyclicBarrier(3);
        Entries entries = new Entries(key -> {
            if (key.endsWith("0000000001.json")) {
                await(firstMayEnd);
            } else {
                // Each of the three waits here for the other two: written one after another, they never meet.
                nextThreeTogether.await(10, TimeUnit.SECONDS);
            }
            return true;
        });
        AuditTrail trail = new AuditTrail(entries, CHAIN, null);
        List<CompletableFuture<AuditEntry>> next = threeBehindAFirst(trail, entries, firstMayEnd);

        for (CompletableFuture<AuditEntry> entry : next) {
            entry.get(20, TimeUnit.SECONDS);
        }
        assertEquals(List.of(1L, 2L, 3L, 4L), entries.seqs());
        entries.assertChained();
    }

    @Test
    void anEntryThatCouldNotBeStoredLeavesNoEntryAfterItInStorage() throws Exception {
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        CyclicBarrier nextThreeTogether = new CyclicBarrier(3);
        java.util.Set<String> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Entries entries = new Entries(key -> {
            if (!written.add(key)) {
                return true;
            }
            if (key.endsWith("0000000001.json")) {
                await(firstMayEnd);
                return true;
            }
            nextThreeTogether.await(10, TimeUnit.SECONDS);
            return !key.endsWith("0000000003.json");
        });
        AuditTrail trail = new AuditTrail(entries, CHAIN, null);
        List<CompletableFuture<AuditEntry>> next = threeBehindAFirst(trail, entries, firstMayEnd);

        int answered = 0;
        for (CompletableFuture<AuditEntry> entry : next) {
            try {
                assertEquals(2, entry.get(20, TimeUnit.SECONDS).seq());
                answered++;
            } catch (ExecutionException e) {
                assertTrue(e.getCause() instanceof StorageException, e.toString());
            }
        }
        assertEquals(1, answered, "the entry before the one that failed is stored; it and the one after are not");
        assertTrue(entries.deleted.contains(AuditTrail.key(CHAIN, 4)), "the entry after the failed one was written, then removed");
        assertEquals(List.of(1L, 2L), entries.seqs());

        AuditEntry after = trail.append(AuditEntry.of("admin", "127.0.0.1", "search", null, Map.of(), 200));
        assertEquals(3, after.seq());
        assertEquals(List.of(1L, 2L, 3L), entries.seqs());
        entries.assertChained();
    }

    @Test
    void oneEntryAtATimeIsStoredAsItComes() throws Exception {
        Entries entries = new Entries(key -> true);
        AuditTrail trail = new AuditTrail(entries, CHAIN, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        AuditEntry first = trail.append(AuditEntry.of("admin", "127.0.0.1", "login", null, Map.of(), 200));
        AuditEntry second = trail.append(AuditEntry.of("admin", "127.0.0.1", "search", null, Map.of("hits", 3), 200));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", first.previous());
        assertEquals(2, second.seq());
        entries.assertChained();
    }

    /**
     * Appends a first entry, whose write waits for {@code firstMayEnd}, then three more while it is
     * written; lets it end once the three wait together, and returns theirs when it is stored.
     */
    private static List<CompletableFuture<AuditEntry>> threeBehindAFirst(AuditTrail trail, Entries entries,
                                                                        CountDownLatch firstMayEnd) throws Exception {
        CompletableFuture<AuditEntry> first = appendAsync(trail, "first");
        waitUntil(() -> entries.writing() == 1);
        List<CompletableFuture<AuditEntry>> next = List.of(appendAsync(trail, "a"), appendAsync(trail, "b"),
                appendAsync(trail, "c"));
        waitUntil(() -> trail.gathered() == 3);
        firstMayEnd.countDown();
        assertEquals(1, first.get(20, TimeUnit.SECONDS).seq());
        return next;
    }

    private static CompletableFuture<AuditEntry> appendAsync(AuditTrail trail, String query) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return trail.append(AuditEntry.of("officer", "127.0.0.1", "search", null, Map.of("query", query), 200));
            } catch (StorageException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, runnable -> new Thread(runnable).start());
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertTrue(latch.await(20, TimeUnit.SECONDS));
    }

    @FunctionalInterface
    interface Write {
        /** Whether the write succeeds; may wait. */
        boolean accept(String key) throws InterruptedException, BrokenBarrierException, TimeoutException;
    }

    /** Entries kept in memory; each write first goes through {@code write}. */
    private static final class Entries implements AuditTrail.EntryStore {
        private final Write write;
        private final Map<String, byte[]> stored = new TreeMap<>();
        private final List<String> deleted = new ArrayList<>();
        private int writing;

        Entries(Write write) {
            this.write = write;
        }

        @Override
        public void put(String key, byte[] bytes) throws StorageException {
            synchronized (this) {
                writing++;
            }
            try {
                if (!write.accept(key)) {
                    throw new StorageException("could not store " + key, null);
                }
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new StorageException("not stored at the same time as the others: " + e, e);
            } finally {
                synchronized (this) {
                    writing--;
                }
            }
            synchronized (this) {
                stored.put(key, bytes);
            }
        }

        @Override
        public synchronized void delete(String key) {
            deleted.add(key);
            stored.remove(key);
        }

        synchronized int writing() {
            return writing;
        }

        synchronized List<Long> seqs() throws Exception {
            List<Long> seqs = new ArrayList<>();
            for (byte[] bytes : stored.values()) {
                seqs.add(Json.MAPPER.readValue(bytes, AuditEntry.class).seq());
            }
            return seqs;
        }

        /** Each entry links to the stored bytes of the one before it. */
        synchronized void assertChained() throws Exception {
            String previous = null;
            boolean first = true;
            for (byte[] bytes : stored.values()) {
                AuditEntry entry = Json.MAPPER.readValue(bytes, AuditEntry.class);
                if (!first) {
                    assertEquals(previous, entry.previous());
                }
                first = false;
                previous = Checksums.sha256(bytes);
            }
        }
    }
}
