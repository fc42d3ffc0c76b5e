package vn.sohoa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.sohoa.core.document.DocumentRecord;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.document.Page;
import vn.sohoa.core.document.Source;
import vn.sohoa.core.index.DocumentIndex;
import vn.sohoa.core.index.DocumentIndex.Visible;
import vn.sohoa.core.index.IndexEntry;

/** The index client as the pipeline uses it, against the running Elasticsearch. */
@ExtendWith(RunningArchive.Extension.class)
class DocumentIndexIT {

    private static final int FILES_AT_ONCE = 40;

    private final RunningArchive archive = RunningArchive.get();

    /**
     * Each file archived waits for the index's next refresh holding a connection: as many files at
     * once as the client has connections. The client's default (10 a host) let 10 files a second through.
     */
    @Test
    void manyFilesWaitForTheSameRefreshAtOnce() throws Exception {
        String url = archive.sohoa().settings().elasticsearchUrl();
        String alias = "connections-" + UUID.randomUUID();
        ExecutorService files = Executors.newFixedThreadPool(FILES_AT_ONCE);
        try (DocumentIndex index = DocumentIndex.connect(url, alias)) {
            String never = index.createVersion();
            try {
                index.switchAliasTo(never);
                List<Future<?>> puts = new ArrayList<>();
                AtomicInteger waiting = new AtomicInteger();
                for (int i = 0; i < FILES_AT_ONCE; i++) {
                    DocumentRecord record = record("file-" + i);
                    puts.add(files.submit(() -> {
                        index.put(record, List.of(), Visible.AT_NEXT_REFRESH);
                        return null;
                    }));
                }
                try {
                    RunningArchive.await(Duration.ofSeconds(30), FILES_AT_ONCE + " puts waiting for the refresh at once",
                            () -> waiting.accumulateAndGet(refreshListeners(url, never), Math::max) == FILES_AT_ONCE);
                } catch (AssertionError stuck) {
                    throw new AssertionError(stuck.getMessage() + "; seen waiting at most: " + waiting.get(), stuck);
                } finally {
                    index.makeSearchable(never);
                }
                for (Future<?> put : puts) {
                    put.get(30, TimeUnit.SECONDS);
                }
                assertEquals(FILES_AT_ONCE, index.count());
            } finally {
                files.shutdownNow();
                index.client().indices().delete(d -> d.index(never));
            }
        }
    }

    /**
     * A search visits every segment of the index. A rebuild writes many (some thirty at 100,000
     * records): the filled index is merged into a few before it is searched.
     */
    @Test
    void aFilledIndexIsMergedIntoAFewSegmentsBeforeItIsSearched() throws Exception {
        String url = archive.sohoa().settings().elasticsearchUrl();
        try (DocumentIndex index = DocumentIndex.connect(url, "segments-" + UUID.randomUUID())) {
            String rebuilt = index.createVersion();
            try {
                for (int batch = 0; batch < 6; batch++) {
                    List<IndexEntry> entries = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        entries.add(IndexEntry.of(record("batch-" + batch + "-" + i), List.of()));
                    }
                    assertEquals(Map.of(), index.putAll(rebuilt, entries));
                    index.client().indices().flush(f -> f.index(rebuilt));
                }
                int written = stats(url, rebuilt, "segments").path("segments").path("count").asInt();
                assertTrue(written >= 6, "each flushed batch is a segment of its own, seen " + written);

                index.makeSearchable(rebuilt);

                assertTrue(stats(url, rebuilt, "segments").path("segments").path("count").asInt() <= 3,
                        "segments after the merge: " + stats(url, rebuilt, "segments"));
                assertEquals(60, stats(url, rebuilt, "docs").path("docs").path("count").asInt());
            } finally {
                index.client().indices().delete(d -> d.index(rebuilt));
            }
        }
    }

    private static int refreshListeners(String url, String index) {
        return stats(url, index, "refresh").path("refresh").path("listeners").asInt();
    }

    private static JsonNode stats(String url, String index, String metric) {
        try {
            HttpResponse<String> stats = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "/" + index + "/_stats/" + metric)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Json.MAPPER.readTree(stats.body()).path("_all").path("primaries");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentRecord record(String id) {
        return new DocumentRecord(id, id + ".txt", "", "text/plain", 10, Instant.EPOCH, "text", "vi", "Báo cáo",
                null, Map.of(), List.of(Page.textLayer(1, "Báo cáo công tác Công đoàn")),
                List.of(new Source(id + ".txt", "", Instant.EPOCH)), null, Map.of(), null);
    }
}
