package vn.sohoa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.sohoa.app.RunningArchive.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.time.Instant;
import vn.sohoa.core.document.Correction;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.storage.ObjectStore;

/**
 * An archivist's corrections of a document's metadata: kept beside the record, winning over the
 * manifest and the reading, searchable at once, after a rebuild of the index and after the manifest
 * is applied again.
 */
@ExtendWith(RunningArchive.Extension.class)
class CorrectionsIT {

    private final RunningArchive archive = RunningArchive.get();

    @Test
    void aCorrectionWinsOverTheManifestAndTheReadingIsFoundAtOnceAndSurvivesReindexAndANewManifest()
            throws Exception {
        String token = token();
        String folder = "Sua " + token;
        String oldWord = token();
        String oldSubject = "Trích yếu cũ " + oldWord + " của mục lục";
        String issuer = "Ban Thường vụ " + token();
        String id = archive.drop(folder + "/bao cao.txt", report(token));
        archive.drop(folder + "/metadata.csv", csv("Tên tệp;Trích yếu;Cơ quan ban hành;Độ mật;Người ký",
                "bao cao.txt;" + oldSubject + ";" + issuer + ";Mật;Nguyễn Thị Hoa"));
        archive.awaitState(id, "ARCHIVED");
        await(Duration.ofMinutes(1), "the manifest on the document", () -> oldSubject.equals(doc(id).path("subject").asText()));
        JsonNode before = doc(id);
        assertEquals("MẬT", before.path("confidentiality").asText(), "the manifest's Độ mật");
        assertEquals("manifest", before.path("provenance").path("confidentiality").asText());
        assertEquals("read", before.path("provenance").path("documentNumber").asText());
        assertTrue(found(oldWord).contains(id));

        String newWord = token();
        int number = 10_000 + new java.util.Random().nextInt(89_999);
        String newSubject = "Trích yếu mới " + newWord;
        HttpResponse<byte[]> response = patch(id, Map.of("subject", newSubject, "confidentiality", "tối mật",
                "issuedDate", "05/02/2024", "documentNumber", "Số: " + number + " / KH - LĐLĐ"), "Mục lục ghi sai");
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        JsonNode corrected = Json.MAPPER.readTree(response.body());
        assertEquals(Json.MAPPER.readTree(archive.get("/api/documents/" + id).body()), corrected,
                "the answer is the document as GET shows it");
        assertEquals(newSubject, corrected.path("subject").asText());
        assertEquals("TỐI MẬT", corrected.path("confidentiality").asText());
        assertEquals("2024-02-05", corrected.path("issuedDate").asText());
        assertEquals(number + "/KH-LĐLĐ", corrected.path("documentNumber").asText());
        assertEquals(String.valueOf(number), corrected.path("standard").path("codeNumber").asText(), "the standard's too");
        assertEquals(issuer, corrected.path("issuer").asText(), "fields not corrected keep the manifest's value");
        assertEquals("45/BC-LĐLĐ", corrected.path("metadata").path("documentNumber").path("value").asText(), "kept as read");
        assertEquals(oldSubject, corrected.path("manifest").path("subject").asText(), "the manifest is kept");
        JsonNode provenance = corrected.path("provenance");
        assertEquals("corrected", provenance.path("subject").asText());
        assertEquals("corrected", provenance.path("confidentiality").asText());
        assertEquals("corrected", provenance.path("documentNumber").asText());
        assertEquals("manifest", provenance.path("issuer").asText());
        assertEquals("read", provenance.path("documentType").asText());
        JsonNode history = corrected.path("corrections");
        assertEquals(4, history.size(), history.toString());
        JsonNode subjectChange = find(history, "subject");
        assertEquals(oldSubject, subjectChange.path("from").asText());
        assertEquals(newSubject, subjectChange.path("to").asText());
        assertEquals("admin", subjectChange.path("user").asText(), "the signed-in user who corrected it");
        assertEquals("Mục lục ghi sai", subjectChange.path("reason").asText());
        assertFalse(subjectChange.path("at").asText().isEmpty());
        assertEquals("MẬT", find(history, "confidentiality").path("from").asText());
        assertEquals("45/BC-LĐLĐ", find(history, "documentNumber").path("from").asText());

        assertTrue(found(newWord).contains(id), "found by its new subject at once");
        JsonNode hit = archive.getJson("/api/search?q=" + newWord).path("hits").get(0);
        assertEquals(newSubject, hit.path("subject").asText(), hit.toString());
        assertEquals("TỐI MẬT", hit.path("confidentiality").asText());
        assertEquals("2024-02-05", hit.path("issuedDate").asText());
        assertEquals(List.of(), found(oldWord), "its old subject was only in the manifest");
        assertTrue(found(token + "&confidentiality=" + encode("TỐI MẬT")).contains(id));
        assertFalse(found(token + "&confidentiality=" + encode("MẬT")).contains(id));
        assertEquals(id, found(encode(number + "/KH-LĐLĐ")).get(0), "its corrected number finds it first");

        HttpResponse<byte[]> rebuilt = archive.send(HttpRequest.newBuilder(URI.create(archive.url("/api/maintenance/reindex")))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, rebuilt.statusCode());
        assertTrue(found(newWord).contains(id), "found by its new subject after the index is rebuilt from storage");
        assertEquals(List.of(), found(oldWord));
        assertEquals(4, doc(id).path("corrections").size());
        assertEquals("TỐI MẬT", doc(id).path("confidentiality").asText());

        String otherWord = token();
        String otherSubject = "Trích yếu khác " + otherWord;
        archive.drop(folder + "/metadata.csv", csv("Tên tệp;Trích yếu;Cơ quan ban hành;Độ mật;Người ký",
                "bao cao.txt;" + otherSubject + ";" + issuer + ";Mật;Lê Văn Tám"));
        await(Duration.ofMinutes(1), "the new manifest applied", () -> "Lê Văn Tám".equals(doc(id).path("signer").asText()));
        JsonNode after = doc(id);
        assertEquals(otherSubject, after.path("manifest").path("subject").asText());
        assertEquals(newSubject, after.path("subject").asText(), "the correction still wins over the new manifest");
        assertEquals("TỐI MẬT", after.path("confidentiality").asText());
        assertTrue(found(newWord).contains(id));
        assertEquals(List.of(), found(otherWord));
    }

    @Test
    void aCorrectionWinsOverTheReadingAndATypeIsCorrectedWhole() throws Exception {
        String token = token();
        String id = archive.drop("Sua doc " + token + "/bao cao.txt", report(token));
        archive.awaitState(id, "ARCHIVED");
        assertEquals("Báo cáo", doc(id).path("documentType").asText());
        assertEquals("read", doc(id).path("provenance").path("documentType").asText());

        JsonNode corrected = Json.MAPPER.readTree(patch(id, Map.of("documentType", "ke hoach", "signer",
                "Phạm Văn Đồng"), null).body());
        assertEquals("Kế hoạch", corrected.path("documentType").asText());
        assertEquals("10", corrected.path("typeCode").asText());
        assertEquals("Phạm Văn Đồng", corrected.path("signer").asText());
        assertEquals("corrected", corrected.path("provenance").path("typeCode").asText());
        assertTrue(found(token + "&type=" + encode("Kế hoạch")).contains(id));
        assertFalse(found(token + "&type=" + encode("Báo cáo")).contains(id));
        assertTrue(found(token + "&signer=" + encode("Phạm Văn Đồng")).contains(id));
        assertEquals("Trần Văn Bình", corrected.path("metadata").path("signer").path("value").asText(), "kept as read");

        JsonNode cleared = Json.MAPPER.readTree(patch(id, Map.of("signer", ""), "Không rõ người ký").body());
        assertFalse(cleared.hasNonNull("signer"), cleared.toString());
        assertEquals("corrected", cleared.path("provenance").path("signer").asText());
        JsonNode last = cleared.path("corrections").get(cleared.path("corrections").size() - 1);
        assertEquals("Phạm Văn Đồng", last.path("from").asText());
        assertTrue(last.path("to").isNull(), "a cleared value is null, not left out: " + last);
        assertTrue(last.path("reason").isTextual());
        int count = cleared.path("corrections").size();
        assertEquals(count, Json.MAPPER.readTree(patch(id, Map.of("signer", ""), null).body()).path("corrections").size(),
                "a value that does not change is no correction");
    }

    @Test
    void concurrentCorrectionsOfOneDocumentAreAllKept() throws Exception {
        String token = token();
        String id = archive.drop("Sua cung luc " + token + "/bao cao.txt", report(token));
        archive.awaitState(id, "ARCHIVED");
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String subject = "Trích yếu " + i + " " + token;
                Callable<HttpResponse<byte[]>> write = () -> patch(id, Map.of("subject", subject), "lần " + subject);
                answers.add(pool.submit(write));
            }
            for (Future<HttpResponse<byte[]>> answer : answers) {
                assertEquals(200, answer.get().statusCode(), new String(answer.get().body(), StandardCharsets.UTF_8));
            }
        } finally {
            pool.shutdown();
        }
        JsonNode history = doc(id).path("corrections");
        assertEquals(writers, history.size(), history.toString());
        Set<String> values = new HashSet<>();
        String previous = history.get(0).path("from").asText();
        for (JsonNode change : history) {
            assertEquals(previous, change.path("from").asText(), "each correction starts from the one before: " + history);
            previous = change.path("to").asText();
            values.add(previous);
        }
        assertEquals(writers, values.size());
        assertEquals(previous, doc(id).path("subject").asText(), "the last one counts");
    }

    /** What keeps two sohoa processes on one storage from losing a correction: the list is replaced only if unchanged. */
    @Test
    void theCorrectionsAreReplacedOnlyIfTheyAreStillTheVersionRead() throws Exception {
        ObjectStore store = ObjectStore.connect(archive.sohoa().settings());
        String id = RunningArchive.sha256(token().getBytes(StandardCharsets.UTF_8));
        Correction one = new Correction(Instant.now(), "a", "subject", null, "một", null);
        Correction two = new Correction(Instant.now(), "b", "subject", "một", "hai", null);
        ObjectStore.StoredCorrections none = store.corrections(id);
        assertEquals(List.of(), none.list());
        assertTrue(store.replaceCorrections(id, none, List.of(one)));
        assertFalse(store.replaceCorrections(id, none, List.of(two)), "another writer came first");
        ObjectStore.StoredCorrections first = store.corrections(id);
        assertEquals(List.of(one), first.list());
        assertTrue(store.replaceCorrections(id, first, List.of(one, two)));
        assertFalse(store.replaceCorrections(id, first, List.of(one)), "a stale version is not written over");
        assertEquals(List.of(one, two), store.corrections(id).list());
    }

    @Test
    void correctedDatesOrderTheHitsWhenSortedByDate() throws Exception {
        String token = token();
        List<String> ids = new ArrayList<>();
        String[] dates = {"2019-06-01", "2024-01-15", "2021-11-30"};
        for (int i = 0; i < dates.length; i++) {
            String id = archive.drop("Sap xep " + token + "/van ban " + i + ".txt",
                    ("Thông báo số " + i + " về " + token + (" lặp lại " + token).repeat(dates.length - i))
                            .getBytes(StandardCharsets.UTF_8));
            archive.awaitState(id, "ARCHIVED");
            assertEquals(200, patch(id, Map.of("issuedDate", dates[i]), null).statusCode());
            ids.add(id);
        }
        assertEquals(List.of(ids.get(1), ids.get(2), ids.get(0)), found(token + "&sort=date"));
        assertEquals(List.of(ids.get(1), ids.get(2), ids.get(0)), found(token + "&sort=DATE"));
        assertEquals(ids.get(0), found(token + "&sort=relevance").get(0), "the most repeated word first");
        assertEquals(found(token + "&sort=relevance"), found(token));
        HttpResponse<byte[]> bad = archive.get("/api/search?q=" + token + "&sort=size");
        assertEquals(400, bad.statusCode());
        assertTrue(Json.MAPPER.readTree(bad.body()).path("message").asText().contains("sort"));
    }

    @Test
    void aCorrectionThatCannotBeTakenIsA400InVietnamese() throws Exception {
        String token = token();
        String id = archive.drop("Sua sai " + token + "/bao cao.txt", report(token));
        archive.awaitState(id, "ARCHIVED");
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("{\"fields\": {\"colour\": \"đỏ\"}}", "colour");
        bodies.put("{\"fields\": {\"issuedDate\": \"2024/02/05\"}}", "YYYY-MM-DD");
        bodies.put("{\"fields\": {\"issuedDate\": \"31/02/2024\"}}", "31/02/2024");
        bodies.put("{\"fields\": {\"issuedDate\": \"hôm qua\"}}", "dd/MM/yyyy");
        bodies.put("{\"fields\": {\"confidentiality\": \"BÍ MẬT\"}}", "TUYỆT MẬT");
        bodies.put("{\"fields\": {\"typeCode\": \"77\"}}", "77");
        bodies.put("{\"fields\": {\"subject\": {\"a\": 1}}}", "subject");
        bodies.put("{\"fields\": {}}", "fields");
        bodies.put("{\"reason\": \"không có trường\"}", "fields");
        bodies.put("[1, 2]", "JSON");
        bodies.put("không phải JSON", "JSON");
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            HttpResponse<byte[]> response = patchRaw(id, body.getKey());
            assertEquals(400, response.statusCode(), body.getKey());
            JsonNode error = Json.MAPPER.readTree(response.body());
            assertEquals("bad_request", error.path("error").asText());
            assertTrue(error.path("message").asText().contains(body.getValue()), body.getKey() + " -> " + error);
        }
        assertEquals(0, doc(id).path("corrections").size(), "nothing was stored");
        HttpResponse<byte[]> unknown = patch("ab".repeat(32), Map.of("subject", "x"), null);
        assertEquals(404, unknown.statusCode());
        assertEquals("not_found", Json.MAPPER.readTree(unknown.body()).path("error").asText());
    }

    private static JsonNode find(JsonNode history, String field) {
        for (JsonNode change : history) {
            if (field.equals(change.path("field").asText())) {
                return change;
            }
        }
        throw new AssertionError("no correction of " + field + " in " + history);
    }

    private HttpResponse<byte[]> patch(String id, Map<String, String> fields, String reason) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fields", fields);
        if (reason != null) {
            body.put("reason", reason);
        }
        return patchRaw(id, Json.MAPPER.writeValueAsString(body));
    }

    private HttpResponse<byte[]> patchRaw(String id, String body) throws Exception {
        return archive.send(HttpRequest.newBuilder(URI.create(archive.url("/api/documents/" + id + "/metadata")))
                .header("Content-Type", "application/json; charset=utf-8")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private JsonNode doc(String id) {
        try {
            return archive.getJson("/api/documents/" + id);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The ids the search finds, in order (first page of 100). */
    private List<String> found(String query) throws Exception {
        JsonNode result = archive.getJson("/api/search?size=100&q=" + query);
        List<String> ids = new ArrayList<>();
        result.path("hits").forEach(hit -> ids.add(hit.path("id").asText()));
        return ids;
    }

    private static String token() {
        return "sohoa" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] csv(String... lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes((String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static byte[] report(String token) {
        return String.join("\n",
                "LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH PHƯỚC",
                "Số: 45/BC-LĐLĐ",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Đồng Xoài, ngày 12 tháng 3 năm 2024",
                "BÁO CÁO",
                "Kết quả hoạt động công đoàn quý I năm 2024",
                "Kính gửi: Tổng Liên đoàn Lao động Việt Nam.",
                "Trong quý I, các cấp công đoàn đã thực hiện tốt nhiệm vụ " + token + ".",
                "Nơi nhận:",
                "- Như trên;",
                "- Lưu: VT.",
                "TM. BAN THƯỜNG VỤ",
                "CHỦ TỊCH",
                "Trần Văn Bình").getBytes(StandardCharsets.UTF_8);
    }
}
