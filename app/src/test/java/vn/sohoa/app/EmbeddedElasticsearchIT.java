package vn.sohoa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.engines.EmbeddedElasticsearch;

/** The embedded Elasticsearch keeps what it writes inside its own folder, whatever its launcher does. */
class EmbeddedElasticsearchIT {

    @Test
    void startingItAgainLeavesNothingBehindInTheSystemsTemporaryFolder(@TempDir Path state) throws Exception {
        Path distribution = Path.of(System.getProperty("sohoa.engines.dir"), "elasticsearch.zip");
        Path systemTemp = Path.of(System.getProperty("java.io.tmpdir"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long before = leftIn(systemTemp);
        List<Long> leftInItsFolder = new ArrayList<>();
        for (int start = 0; start < 3; start++) {
            try (EmbeddedElasticsearch elasticsearch = EmbeddedElasticsearch.start(distribution, state, "256m")) {
                HttpRequest health = HttpRequest.newBuilder(URI.create(elasticsearch.url() + "/_cluster/health")).build();
                assertEquals(200, http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode());
            }
            leftInItsFolder.add(leftIn(state.resolve("tmp")));
        }
        assertEquals(before, leftIn(systemTemp), "left in the system's temporary folder");
        assertTrue(leftInItsFolder.get(0) > 0 && leftInItsFolder.stream().distinct().count() == 1,
                "in its own folder, only the last start's: " + leftInItsFolder);
    }

    /** The folders Elasticsearch's launcher makes to read the JVM's final flags, and does not remove. */
    private static long leftIn(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("final-flags")).count();
        }
    }
}
