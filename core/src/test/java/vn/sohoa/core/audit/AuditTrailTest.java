package vn.sohoa.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.storage.Checksums;
import vn.sohoa.core.storage.StorageException;

class AuditTrailTest {

    private static final String CHAIN = "20261207T130000Z-0001";

    @TempDir
    Path journals;

    @Test
    void anEntryIsAnsweredOnceItIsOnTheDiskWithoutWaitingForStorage() throws Exception {
        CountDownLatch storageMayAnswer = new CountDownLatch(1);
        Entries entries = new Entries(() -> await(storageMayAnswer));
        AuditTrail trail = trail(entries, null);

        CompletableFuture<AuditEntry> first = appendAsync(trail, "first");
        AuditEntry placed = first.get(10, TimeUnit.SECONDS);

        assertEquals(1, placed.seq());
        assertTrue(entries.seqs().isEmpty(), "storage has not answered yet");
        List<byte[]> journaled = AuditJournal.entries(Files.readAllBytes(journal()));
        assertEquals(1, journaled.size());
        assertEquals(placed, Json.MAPPER.readValue(journaled.get(0), AuditEntry.class));
        storageMayAnswer.countDown();
        assertTrue(trail.awaitStored(Duration.ofSeconds(10)));
        assertEquals(List.of(1L), entries.seqs());
        trail.close();
        assertFalse(Files.exists(journal()), "a journal whose entries are all stored is removed at the end");
    }

    @Test
    void entriesWaitInTheJournalWhileStorageRefusesThemAndAreStoredOnceItTakesThem() throws Exception {
        AtomicBoolean storageUp = new AtomicBoolean(false);
        Entries entries = new Entries(() -> {
            if (!storageUp.get()) {
                throw new StorageException("storage is down", null);
            }
        });
        AuditTrail trail = trail(entries, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        for (String query : List.of("a", "b", "c")) {
            trail.append(entry(query));
        }
        assertFalse(trail.awaitStored(Duration.ofMillis(300)));
        assertEquals(3, AuditJournal.entries(Files.readAllBytes(journal())).size());

        storageUp.set(true);
        assertTrue(trail.awaitStored(Duration.ofSeconds(10)));
        assertEquals(List.of(1L, 2L, 3L), entries.seqs());
        entries.assertChainedFrom("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        trail.close();
    }

    @Test
    void concurrentEntriesFormOneChainInTheOrderTheyWereAnswered() throws Exception {
        Entries entries = new Entries(() -> { });
        AuditTrail trail = trail(entries, null);
        List<CompletableFuture<AuditEntry>> answered = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            answered.add(appendAsync(trail, "q" + i));
        }
        List<Long> seqs = new ArrayList<>();
        for (CompletableFuture<AuditEntry> entry : answered) {
            seqs.add(entry.get(20, TimeUnit.SECONDS).seq());
        }
        assertEquals(200, seqs.stream().distinct().count(), "each entry has its own place");
        assertTrue(trail.awaitStored(Duration.ofSeconds(20)));
        assertEquals(200, entries.seqs().size());
        entries.assertChainedFrom(null);
        trail.close();
    }

    @Test
    void aJournalNoRunHoldsIsStoredAndRemovedAndOneARunHoldsIsLeftAlone() throws Exception {
        AuditTrail running = trail(new Entries(() -> {
            throw new StorageException("storage is down", null);
        }), null);
        running.append(entry("held"));
        Path held = journal();
        Path left = journals.resolve("20261201T000000Z-0002.journal");
        AuditEntry one = new AuditEntry("20261201T000000Z-0002", 1, java.time.Instant.parse("2026-12-01T00:00:00Z"),
                "admin", "127.0.0.1", "login", null, Map.of(), 200, null);
        byte[] oneBytes = Json.MAPPER.writeValueAsBytes(one);
        byte[] cutShort = "{\"chain\":\"20261201T000000Z-0002\",\"seq\":2".getBytes(StandardCharsets.UTF_8);
        Files.write(left, concat(oneBytes, "\n".getBytes(StandardCharsets.UTF_8), cutShort));

        List<byte[]> stored = new ArrayList<>();
        AuditJournal.storeLeftovers(journals, stored::add);

        assertEquals(1, stored.size(), "the whole line only: the one cut short was never answered");
        assertEquals(new String(oneBytes, StandardCharsets.UTF_8), new String(stored.get(0), StandardCharsets.UTF_8));
        assertFalse(Files.exists(left));
        assertTrue(Files.exists(held), "the running trail's journal is its own");
    }

    private AuditTrail trail(Entries entries, String head) throws Exception {
        return new AuditTrail(entries, AuditJournal.create(journals, CHAIN), CHAIN, head);
    }

    private Path journal() {
        return journals.resolve(CHAIN + ".journal");
    }

    private static AuditEntry entry(String query) {
        return AuditEntry.of("officer", "127.0.0.1", "search", null, Map.of("query", query), 200);
    }

    private static CompletableFuture<AuditEntry> appendAsync(AuditTrail trail, String query) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return trail.append(entry(query));
            } catch (StorageException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, runnable -> new Thread(runnable).start());
    }

    private static void await(CountDownLatch latch) throws StorageException {
        try {
            assertTrue(latch.await(20, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new StorageException("interrupted", e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @FunctionalInterface
    interface Write {
        /** Returns when the write succeeds; may wait. */
        void accept() throws StorageException;
    }

    /** Entries kept in memory; each write first goes through {@code write}. */
    private static final class Entries implements AuditTrail.EntryStore {
        private final Write write;
        private final Map<String, byte[]> stored = new TreeMap<>();

        Entries(Write write) {
            this.write = write;
        }

        @Override
        public void put(String key, byte[] bytes) throws StorageException {
            write.accept();
            synchronized (this) {
                stored.put(key, bytes);
            }
        }

        synchronized List<Long> seqs() throws Exception {
            List<Long> seqs = new ArrayList<>();
            for (byte[] bytes : stored.values()) {
                seqs.add(Json.MAPPER.readValue(bytes, AuditEntry.class).seq());
            }
            return seqs;
        }

        /** The first entry links to {@code head}, each after it to the stored bytes of the one before it, places 1, 2, 3... */
        synchronized void assertChainedFrom(String head) throws Exception {
            String previous = head;
            long seq = 0;
            for (byte[] bytes : stored.values()) {
                AuditEntry entry = Json.MAPPER.readValue(bytes, AuditEntry.class);
                assertEquals(previous, entry.previous());
                assertEquals(++seq, entry.seq());
                previous = Checksums.sha256(bytes);
            }
        }
    }
}
