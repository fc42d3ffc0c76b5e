package vn.sohoa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.app.bench.ScaleBenchmark;
import vn.sohoa.core.document.Json;

/**
 * The scale benchmark works: a small archive built from the repository's corpus in a temporary
 * folder of its own (its own engines), every figure measured and written as JSON, the folder removed.
 * Its timings are not judged here: they are the benchmark's to print.
 */
class ScaleIT {

    private static final int RECORDS = 2000;
    private static final int INGEST = 20;

    @Test
    void measuresASmallArchiveAndRemovesIt(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Map<String, Object> figures = ScaleBenchmark.run(RunningArchive.corpus(), RECORDS, 60, INGEST,
                Map.of("sohoa.engines.dir", System.getProperty("sohoa.engines.dir")),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        Path file = dir.resolve("scale.json");
        ScaleBenchmark.write(figures, file);
        String output = printed.toString(StandardCharsets.UTF_8);

        JsonNode json = Json.MAPPER.readTree(Files.readString(file));
        for (String key : List.of("records", "search_p95_ms_1", "search_p95_ms_8", "number_p95_ms",
                "api_overhead_ms_median", "reindex_per_s", "verify_per_s", "ingest_per_s", "rss_mb")) {
            assertTrue(json.path(key).isNumber(), key + " in " + json);
            if (!key.equals("api_overhead_ms_median")) {
                assertTrue(json.path(key).asDouble() > 0, key + " in " + json);
            }
        }
        assertTrue(json.path("search_p95_ms_1_after_start").asDouble() > 0, "the first searches after a start in " + json);
        assertTrue(json.path("ingest_per_s_after_start").asDouble() > 0, "the first files after a start in " + json);
        assertEquals(RECORDS, json.path("records").asInt());
        assertEquals(RECORDS, json.path("indexed").asInt(), "every stored record indexed by the reindex");
        assertEquals(RECORDS, json.path("verified").asInt());
        assertTrue(json.path("verify_intact").asBoolean(), output);
        assertEquals(0, json.path("search_failed").asInt(), output);
        assertEquals(0, json.path("ingest_failed").asInt(), output);
        assertTrue(json.path("search_p95_ms_8").asDouble() >= json.path("search_p50_ms_8").asDouble());
        for (String process : List.of("sohoa", "elasticsearch", "s3proxy")) {
            assertTrue(json.path("rss_mb_by_process").path(process).asDouble() > 0, process + " in " + json);
        }
        double filePages = json.path("rss_file_mb").asDouble();
        assertTrue(filePages > 0 && filePages < json.path("rss_mb").asDouble(), "file pages a part of rss_mb in " + json);
        assertTrue(json.path("index_bytes_per_record").asLong() > 0 && json.path("storage_bytes_per_record").asLong() > 0);
        assertTrue(output.contains("search p95, 8 clients (ms)") && output.contains("<= 200"), output);

        Matcher archive = Pattern.compile("Archive in (\\S+)").matcher(output);
        assertTrue(archive.find(), output);
        assertFalse(Files.exists(Path.of(archive.group(1))), "the temporary archive is removed");
    }
}
