package vn.sohoa.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.storage.ObjectStore;

/** The audit trail: what a session did, in order; a chain that shows a changed entry; nothing lost to a kill; no secret in clear. */
@ExtendWith(RunningArchive.Extension.class)
class AuditIT {

    private final RunningArchive archive = RunningArchive.get();
    private final Users users = new Users(archive);

    @Test
    void aSessionsActionsAreListedInOrderAndAChangedEntryIsNamedByVerify() throws Exception {
        String word = "nhatky" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String id = archive.drop("Nhật ký/bien ban.txt", ("BIÊN BẢN\nHọp ban chấp hành " + word)
                .getBytes(StandardCharsets.UTF_8));
        archive.awaitState(id, "ARCHIVED");
        Users.User user = users.create("archivist", "none");
        HttpResponse<byte[]> failed = users.signInResponse(user.username(), "sai mat khau");
        assertEquals(401, failed.statusCode());
        Users.User session = users.signIn(user.username(), user.password());
        get(session, "/api/search?q=" + word + "&type=" + URLEncoder.encode("Biên bản", StandardCharsets.UTF_8));
        get(session, "/api/documents/" + id);
        get(session, "/api/documents/" + id + "/original");
        get(session, "/api/documents/" + id + "/text");
        assertEquals(200, archive.send(session.withSession(HttpRequest.newBuilder(URI.create(archive.url("/api/session"))))
                .DELETE().build()).statusCode());

        JsonNode trail = archive.getJson("/api/audit?user=" + user.username());
        List<String> actions = new ArrayList<>();
        trail.path("entries").forEach(e -> actions.add(e.path("action").asText()));
        Collections.reverse(actions);
        assertEquals(List.of("login", "token-create", "login", "login", "token-create", "search", "view",
                "download-original", "download-text", "logout"), actions, "the user's actions in order");
        List<Integer> logins = new ArrayList<>();
        archive.getJson("/api/audit?action=login&user=" + user.username()).path("entries")
                .forEach(e -> logins.add(e.path("status").asInt()));
        Collections.reverse(logins);
        assertEquals(List.of(200, 401, 200), logins, "the failed sign-in is recorded too");
        JsonNode search = archive.getJson("/api/audit?action=search&user=" + user.username()).path("entries").path(0);
        assertEquals(word, search.path("details").path("q").asText());
        assertEquals(1, search.path("details").path("hits").asInt());
        assertEquals("Biên bản", search.path("details").path("filters").path("type").asText());
        JsonNode download = archive.getJson("/api/audit?document=" + id + "&action=download-original").path("entries").path(0);
        assertEquals(user.username(), download.path("user").asText());
        assertEquals("127.0.0.1", download.path("address").asText());
        HttpResponse<byte[]> csv = archive.get("/api/audit?format=csv&user=" + user.username());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(new String(csv.body(), StandardCharsets.UTF_8).contains("download-original"));

        assertTrue(verify().path("audit").path("intact").asBoolean(), "the chain verifies");
        ObjectStore store = ObjectStore.connect(archive.sohoa().settings());
        List<String> keys = store.systemKeys("audit/");
        String changed = keys.get(keys.size() / 2);
        byte[] original = store.getSystemObject(changed).orElseThrow();
        try {
            store.putSystemObject(changed, new String(original, StandardCharsets.UTF_8)
                    .replace("\"status\":", "\"status\": ").getBytes(StandardCharsets.UTF_8));
            JsonNode report = verify();
            assertFalse(report.path("intact").asBoolean());
            assertFalse(report.path("audit").path("intact").asBoolean());
            assertEquals(changed, report.path("audit").path("firstBroken").asText(), report.toString());
        } finally {
            store.putSystemObject(changed, original);
        }
        assertTrue(verify().path("audit").path("intact").asBoolean(), "intact again once restored");
    }

    @Test
    void aDownloadAnsweredJustBeforeASigkillIsInTheAuditAndNoSecretIsWrittenInClear() throws Exception {
        Users.User user = users.create("officer", "none");
        try (SohoaProcess sohoa = SohoaProcess.create(archive.sohoa().settings(), "512m")) {
            byte[] bytes = ("CÔNG VĂN\nVề việc kiểm tra " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            String id = RunningArchive.sha256(bytes);
            Path file = sohoa.inbox().resolve("cong van.txt");
            Files.write(file, bytes);
            sohoa.start();
            RunningArchive.await(Duration.ofMinutes(2), "the file to be archived",
                    () -> Files.notExists(file) && Files.exists(sohoa.data().resolve("done").resolve("cong van.txt")));
            HttpResponse<byte[]> download = sohoa.get("/api/documents/" + id + "/original", user.token());
            // killed as soon as the answer is in: the entry must have been stored before it was sent
            assertEquals(200, download.statusCode());
            assertArrayEquals(bytes, download.body());
            sohoa.kill();

            sohoa.start();
            JsonNode entries = sohoa.getJson("/api/audit?document=" + id + "&action=download-original").path("entries");
            assertEquals(1, entries.size(), "the download is in the audit: " + entries);
            assertEquals(user.username(), entries.path(0).path("user").asText());
            JsonNode report = verify();
            assertTrue(report.path("audit").path("intact").asBoolean(), "the killed chain still verifies: " + report);

            List<String> secrets = List.of(user.password(), user.token(), archive.token());
            assertNoneIn(sohoa.log(), secrets);
            assertNoneIn(sohoa.data(), secrets);
            assertNoneIn(archive.data(), secrets);
        }
    }

    @Test
    void aSearchAnsweredWhileStorageIsDownIsInTheAuditAfterASigkillAndTheNextStart() throws Exception {
        Users.User user = users.create("officer", "none");
        String word = "ngoaituyen" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (SohoaProcess sohoa = SohoaProcess.create(archive.sohoa().settings(), "512m")) {
            sohoa.start();
            assertEquals(200, sohoa.get("/api/search?q=truoc", user.token()).statusCode());
            archive.killEngine("s3/s3proxy.pid");

            // answered from the index: its entry is on the disk, storage cannot take it
            assertEquals(200, sohoa.get("/api/search?q=" + word, user.token()).statusCode());
            sohoa.kill();
            try (Stream<Path> journals = Files.list(sohoa.data().resolve("audit"))) {
                assertTrue(journals.anyMatch(j -> contains(j, word)), "the killed run's journal holds the search");
            }

            RunningArchive.await(Duration.ofMinutes(2), "the object store to be back", () -> {
                try {
                    return archive.getJson("/api/health").path("engines").path("objectStore").path("status").asText()
                            .equals("UP");
                } catch (Exception e) {
                    return false;
                }
            });
            sohoa.start();
            JsonNode entries = sohoa.getJson("/api/audit?action=search&user=" + user.username()).path("entries");
            List<String> queries = new ArrayList<>();
            entries.forEach(e -> queries.add(e.path("details").path("q").asText()));
            assertEquals(List.of(word, "truoc"), queries, "both searches, the last first");
            try (Stream<Path> journals = Files.list(sohoa.data().resolve("audit"))) {
                assertFalse(journals.anyMatch(j -> contains(j, word)), "the left journal is stored and removed");
            }
            JsonNode report = verify();
            assertTrue(report.path("audit").path("intact").asBoolean(), "the trail verifies: " + report);
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static void assertNoneIn(Path where, List<String> secrets) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(where)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("admin-password.txt"))
                    .toList();
        }
        for (Path f : files) {
            byte[] content;
            try {
                content = Files.readAllBytes(f);
            } catch (java.nio.file.NoSuchFileException mergedAway) {
                continue; // an engine's file replaced while the folder was walked (a segment merged)
            }
            String text = new String(content, StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "a password or token in clear in " + f);
            }
        }
    }

    private HttpResponse<byte[]> get(Users.User user, String path) throws Exception {
        HttpResponse<byte[]> response = archive.send(HttpRequest.newBuilder(URI.create(archive.url(path)))
                .header("Cookie", user.cookies()).build());
        assertEquals(200, response.statusCode(), path);
        return response;
    }

    private JsonNode verify() throws Exception {
        return Json.MAPPER.readTree(archive.send(HttpRequest.newBuilder(URI.create(archive.url("/api/maintenance/verify")))
                .POST(HttpRequest.BodyPublishers.noBody()).build()).body());
    }
}
