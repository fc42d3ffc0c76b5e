package vn.sohoa.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.sohoa.app.RunningArchive.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.sohoa.core.document.Json;

/**
 * An engine stops (killed outright) while files keep arriving: nothing is lost, nothing goes to
 * failed/, health and search say what is missing, and the work resumes by itself once the engine is
 * back (the launcher starts a stopped embedded engine again after 15 s in these tests).
 */
@ExtendWith(RunningArchive.Extension.class)
class EngineOutageIT {

    private final RunningArchive archive = RunningArchive.get();

    @Test
    void filesWaitWhileTheObjectStoreIsDownAndAreArchivedWhenItIsBack() throws Exception {
        archive.killEngine("s3/s3proxy.pid");
        await(Duration.ofSeconds(10), "health to report the object store down", () -> engine("objectStore").equals("DOWN"));
        assertEquals("DEGRADED", health().path("status").asText());

        byte[] first = text("Công văn đôn đốc thu nộp kinh phí công đoàn");
        byte[] second = text("Báo cáo sơ kết công tác nữ công");
        List<String> ids = List.of(archive.drop("Su co/cong van.txt", first), archive.drop("Su co/bao cao.txt", second));
        Thread.sleep(5000);
        assertNothingFailedOrDone();
        await(Duration.ofSeconds(30), "the status to count the files waiting for the engine",
                () -> waitingForEngines() == 2);

        for (String id : ids) {
            await(Duration.ofMinutes(4), id + " to be archived after the outage", () -> state(id).equals("ARCHIVED"));
        }
        assertEquals(0, waitingForEngines(), "nothing waits once the engine is back");
        assertArrayEquals(first, archive.get("/api/documents/" + ids.get(0) + "/original").body());
        assertEquals("UP", engine("objectStore"));
    }

    @Test
    void searchSaysTheIndexIsDownAndFilesWaitUntilItIsBack() throws Exception {
        archive.killEngine("elasticsearch/elasticsearch.pid");
        await(Duration.ofSeconds(10), "search to answer 503", () -> status("/api/search?q=cong+doan") == 503);
        JsonNode error = Json.MAPPER.readTree(archive.get("/api/search?q=cong+doan").body());
        assertTrue(error.path("message").asText().contains("tìm kiếm"), error.toString());
        assertEquals("DOWN", engine("elasticsearch"));
        assertEquals("DEGRADED", health().path("status").asText());

        String token = "sohoa" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String id = archive.drop("Su co/to trinh.txt", text("Tờ trình xin kinh phí " + token));
        Thread.sleep(5000);
        assertNothingFailedOrDone();

        await(Duration.ofMinutes(4), "the file to be archived after the outage", () -> state(id).equals("ARCHIVED"));
        assertEquals(id, archive.getJson("/api/search?q=" + token).path("hits").get(0).path("id").asText());
        assertEquals("UP", engine("elasticsearch"));
    }

    private long waitingForEngines() {
        try {
            return archive.getJson("/api/ingest/status").path("waitingForEngines").asLong();
        } catch (Exception e) {
            return -1;
        }
    }

    private void assertNothingFailedOrDone() throws Exception {
        Path failed = archive.data().resolve("failed").resolve("Su co");
        assertFalse(Files.exists(failed) && Files.list(failed).findAny().isPresent(), "nothing may fail for an outage");
        try (var waiting = Files.list(archive.inbox().resolve("Su co"))) {
            assertTrue(waiting.findAny().isPresent(), "the files wait in the inbox");
        }
    }

    private static byte[] text(String text) {
        return (text + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode health() throws Exception {
        return archive.getJson("/api/health");
    }

    private String engine(String name) {
        try {
            return health().path("engines").path(name).path("status").asText();
        } catch (Exception e) {
            return "";
        }
    }

    private String state(String id) {
        try {
            return archive.getJson("/api/ingest/" + id).path("state").asText();
        } catch (Exception e) {
            return "";
        }
    }

    private int status(String path) {
        try {
            HttpResponse<byte[]> response = archive.get(path);
            return response.statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
