package vn.sohoa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.sohoa.app.RunningArchive.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.sohoa.core.config.Settings;
import vn.sohoa.core.document.Json;
import vn.sohoa.engines.FreePort;

/**
 * A second sohoa watching the same folders with the same engines: every file is archived by exactly
 * one of the two, none twice, none lost, none failed.
 */
@ExtendWith(RunningArchive.Extension.class)
class TwoProcessesIT {

    private final RunningArchive archive = RunningArchive.get();

    @Test
    void twoArchivesOnOneSharedFolderArchiveEachFileOnce() throws Exception {
        Settings first = archive.sohoa().settings();
        int port = FreePort.onLoopback();
        Map<String, String> overrides = new HashMap<>();
        overrides.put("sohoa.data.dir", first.dataDir().toString());
        overrides.put("sohoa.http.port", Integer.toString(port));
        overrides.put("sohoa.ingest.stable-millis", "1000");
        overrides.put("sohoa.es.url", first.elasticsearchUrl());
        overrides.put("sohoa.s3.endpoint", first.s3Endpoint());
        overrides.put("sohoa.s3.access-key", first.s3AccessKey());
        overrides.put("sohoa.s3.secret-key", first.s3SecretKey());
        overrides.put("sohoa.broker.url", first.brokerUrl());
        try (Sohoa second = Sohoa.start(overrides)) {
            String secondUrl = "http://127.0.0.1:" + port;
            JsonNode before1 = archive.getJson("/api/ingest/status");
            JsonNode before2 = status(secondUrl, archive.token());

            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                ids.add(archive.drop("Chung/van ban " + i + ".txt",
                        ("Văn bản số " + i + " của hồ sơ chung " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)));
            }
            Path done = first.dataDir().resolve("done").resolve("Chung");
            await(Duration.ofMinutes(3), "every file to be archived", () -> {
                try (var files = Files.list(done)) {
                    return files.count() == ids.size();
                } catch (Exception e) {
                    return false;
                }
            });
            for (String id : ids) {
                archive.awaitState(id, "ARCHIVED");
                JsonNode doc = archive.getJson("/api/documents/" + id);
                assertEquals(1, doc.path("sources").size(), "archived once, not as its own duplicate");
            }
            JsonNode after1 = archive.getJson("/api/ingest/status");
            JsonNode after2 = status(secondUrl, archive.token());
            long archived = delta(before1, after1, "archived") + delta(before2, after2, "archived");
            assertEquals(ids.size(), archived, "each file archived by exactly one process");
            assertEquals(0, delta(before1, after1, "failed") + delta(before2, after2, "failed"));
            assertEquals(0, delta(before1, after1, "duplicate") + delta(before2, after2, "duplicate"));
            try (var claims = Files.list(first.dataDir().resolve("claims"))) {
                assertEquals(0, claims.count(), "no claim is left behind");
            }
        }
    }

    private static long delta(JsonNode before, JsonNode after, String field) {
        return after.path(field).asLong() - before.path(field).asLong();
    }

    /** The second process's status, with a token the first made: both read the same accounts and tokens from storage. */
    private static JsonNode status(String url, String token) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/api/ingest/status"))
                        .header("Authorization", "Bearer " + token).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        return Json.MAPPER.readTree(response.body());
    }
}
