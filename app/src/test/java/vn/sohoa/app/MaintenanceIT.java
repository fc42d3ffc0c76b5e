package vn.sohoa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.files.FileTrees;
import vn.sohoa.core.storage.ObjectStore;

/** Fixity of what is stored, and the index rebuilt from storage alone. */
@ExtendWith(RunningArchive.Extension.class)
class MaintenanceIT {

    private final RunningArchive archive = RunningArchive.get();

    @Test
    void tamperingWithAStoredOriginalOrRecordIsDetected() throws Exception {
        String id = archive.drop("Kiem tra/bien ban " + UUID.randomUUID() + ".txt",
                ("Biên bản kiểm tra tài chính công đoàn " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        archive.awaitState(id, "ARCHIVED");
        assertTrue(verify().path("intact").asBoolean(), "a fresh archive is intact");

        Path objects = archive.data().resolve("engines/s3/objects");
        Path original = objects.resolve("originals").resolve(id);
        Path record = objects.resolve("derivatives").resolve(id + ".json");
        byte[] originalBytes = Files.readAllBytes(original);
        byte[] recordBytes = Files.readAllBytes(record);
        try {
            byte[] changed = originalBytes.clone();
            changed[0] ^= 1;
            Files.write(original, changed);
            Files.writeString(record, new String(recordBytes, StandardCharsets.UTF_8).replace("kiểm tra", "KIỂM TRA"));

            JsonNode report = verify();
            assertFalse(report.path("intact").asBoolean());
            assertTrue(report.path("altered").toString().contains("originals/" + id), report.toString());
            assertTrue(report.path("altered").toString().contains("derivatives/" + id + ".json"), report.toString());
            JsonNode health = archive.getJson("/api/health");
            assertEquals("DEGRADED", health.path("status").asText());
            assertEquals("PROBLEMS", health.path("fixity").path("status").asText());

            Files.delete(original);
            assertTrue(verify().path("missing").toString().contains("originals/" + id));
        } finally {
            Files.write(original, originalBytes);
            Files.write(record, recordBytes);
        }
        assertTrue(verify().path("intact").asBoolean(), "intact again once the objects are put back");
        assertEquals("UP", archive.getJson("/api/health").path("status").asText());
    }

    @Test
    void deletingTheIndexAndRebuildingItFromStorageGivesBackTheSameResults() throws Exception {
        String token = "sohoa" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String id = archive.drop("Tai lap/ke hoach.txt",
                ("Kế hoạch tổ chức Tháng Công nhân " + token).getBytes(StandardCharsets.UTF_8));
        archive.awaitState(id, "ARCHIVED");
        JsonNode all = archive.getJson("/api/search?size=100");
        List<String> before = ids(all);
        JsonNode found = archive.getJson("/api/search?q=" + token);

        String elasticsearch = archive.sohoa().settings().elasticsearchUrl();
        String alias = archive.sohoa().settings().indexAlias();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        JsonNode aliases = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/_alias/" + alias))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        for (String index : (Iterable<String>) aliases::fieldNames) {
            HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index))
                    .DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, deleted.statusCode(), deleted.body());
        }
        assertTrue(archive.get("/api/search?q=" + token).statusCode() >= 400, "search without an index says so");

        HttpResponse<byte[]> rebuilt = archive.send(HttpRequest.newBuilder(URI.create(archive.url("/api/maintenance/reindex")))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, rebuilt.statusCode(), new String(rebuilt.body(), StandardCharsets.UTF_8));
        JsonNode after = archive.getJson("/api/search?size=100");
        assertEquals(all.path("total").asLong(), after.path("total").asLong());
        assertEquals(new java.util.TreeSet<>(before), new java.util.TreeSet<>(ids(after)));
        assertEquals(ids(found), ids(archive.getJson("/api/search?q=" + token)));
        assertEquals(id, archive.getJson("/api/search?q=" + token).path("hits").get(0).path("id").asText());
    }

    @Test
    void anIndexMadeByAnOlderVersionIsRebuiltFromStorageAtStart() throws Exception {
        String token = "sohoa" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String id = archive.drop("Nang cap/quyet dinh.txt",
                ("Quyết định khen thưởng đoàn viên công đoàn xuất sắc " + token).getBytes(StandardCharsets.UTF_8));
        archive.awaitState(id, "ARCHIVED");
        long total = archive.getJson("/api/search?size=1").path("total").asLong();
        String before = indexBehind();
        String elasticsearch = archive.sohoa().settings().elasticsearchUrl();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> aged = http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + before + "/_mapping"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"_meta\": {\"version\": 1}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, aged.statusCode(), aged.body());

        archive.restart();
        RunningArchive.await(java.time.Duration.ofMinutes(2), "the older index rebuilt",
                () -> !before.equals(indexBehind()));
        String after = indexBehind();
        JsonNode mapping = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(
                archive.sohoa().settings().elasticsearchUrl() + "/" + after
                + "/_mapping")).build(), HttpResponse.BodyHandlers.ofString()).body()).path(after).path("mappings");
        int current;
        try (java.io.InputStream file = MaintenanceIT.class.getResourceAsStream("/index/documents.json")) {
            current = Json.MAPPER.readTree(file).path("mappings").path("_meta").path("version").asInt();
        }
        assertTrue(current > 1, "the mapping file gives its version");
        assertEquals(current, mapping.path("_meta").path("version").asInt(), mapping.toString());
        assertEquals(total, archive.getJson("/api/search?size=1").path("total").asLong());
        assertEquals(id, archive.getJson("/api/search?q=" + token).path("hits").get(0).path("id").asText());
        archive.restart();
        assertEquals(after, indexBehind(), "an index of this version is kept");
    }

    /** The index the search alias points at now. */
    private String indexBehind() {
        try {
            var settings = archive.sohoa().settings();
            HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(settings.elasticsearchUrl() + "/_alias/" + settings.indexAlias())).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Json.MAPPER.readTree(response.body()).fieldNames().next();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void reindexAndVerifyFindEveryStoredRecordThroughTheRecordList() throws Exception {
        String id = archive.drop("Danh sach/to trinh " + UUID.randomUUID() + ".txt",
                ("Tờ trình mua sắm thiết bị " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        archive.awaitState(id, "ARCHIVED");
        ObjectStore store = ObjectStore.connect(archive.sohoa().settings());
        Path objects = archive.data().resolve("engines/s3/objects");
        Path list = objects.resolve("system/record-ids");
        assertTrue(Files.exists(list.resolve("complete")), "a new archive's list is whole from the start");
        assertTrue(Files.exists(list.resolve(id.substring(0, 2)).resolve(id)), "listed when archived");
        assertEquals(storedRecords(objects), new TreeSet<>(store.records().ids()));
        assertEquals(storedRecords(objects).size(), verify().path("checked").asInt());

        // an archive stored before the list existed: listed once from the records, then the list is written
        FileTrees.delete(list);
        ObjectStore.RecordListing listed = store.records();
        assertEquals(storedRecords(objects), new TreeSet<>(listed.ids()));
        assertTrue(Files.exists(list.resolve("complete")));
        assertEquals(storedRecords(objects).size(), listed.ids().size());
        for (String stored : listed.ids()) {
            assertTrue(Files.exists(list.resolve(stored.substring(0, 2)).resolve(stored)), stored);
        }
        Set<String> corrected = new TreeSet<>();
        try (Stream<Path> files = Files.list(objects.resolve("derivatives"))) {
            files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".corrections.json"))
                    .forEach(name -> corrected.add(name.substring(0, name.length() - ".corrections.json".length())));
        }
        assertEquals(corrected, new TreeSet<>(listed.corrected()));

        // from then on the list is what is read
        Path entry = list.resolve(id.substring(0, 2)).resolve(id);
        Files.delete(entry);
        assertFalse(store.records().ids().contains(id));
        Files.createFile(entry);
        assertEquals(storedRecords(objects), new TreeSet<>(store.records().ids()));
        JsonNode report = verify();
        assertEquals(storedRecords(objects).size(), report.path("checked").asInt(), report.toString());
        assertTrue(report.path("intact").asBoolean(), report.toString());
    }

    /** The ids of the records as the storage's folder holds them. */
    private static Set<String> storedRecords(Path objects) throws IOException {
        try (Stream<Path> files = Files.list(objects.resolve("derivatives"))) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.matches("[0-9a-f]{64}\\.json"))
                    .map(name -> name.substring(0, 64)).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private JsonNode verify() throws Exception {
        HttpResponse<byte[]> response = archive.send(HttpRequest.newBuilder(URI.create(archive.url("/api/maintenance/verify")))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, response.statusCode());
        return Json.MAPPER.readTree(response.body());
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.path("hits").forEach(h -> ids.add(h.path("id").asText()));
        return ids;
    }
}
