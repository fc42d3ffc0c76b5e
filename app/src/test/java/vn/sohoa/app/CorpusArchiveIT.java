package vn.sohoa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.sohoa.app.RunningArchive.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.sohoa.app.bench.TextMetrics;
import vn.sohoa.core.document.Json;

/**
 * The shared corpus, dropped into the inbox as an archivist would: every document is archived,
 * downloads byte for byte, reads close to its ground truth, and is found by the search cases.
 */
@ExtendWith(RunningArchive.Extension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CorpusArchiveIT {

    private static final String DOSSIER = "HoSo-2024";
    private static final Map<String, JsonNode> TRUTH = new LinkedHashMap<>();
    private static final Map<String, String> IDS = new LinkedHashMap<>();

    @BeforeAll
    static void dropTheCorpusIntoTheInbox() throws Exception {
        RunningArchive archive = RunningArchive.get();
        Path corpus = RunningArchive.corpus();
        for (String line : Files.readAllLines(corpus.resolve("truth.jsonl"))) {
            JsonNode doc = Json.MAPPER.readTree(line);
            TRUTH.put(doc.path("file").asText(), doc);
            IDS.put(doc.path("file").asText(), sha256(corpus.resolve(doc.path("file").asText())));
        }
        Path dossier = archive.inbox().resolve(DOSSIER);
        Files.createDirectories(dossier);
        for (String file : TRUTH.keySet()) {
            Path part = dossier.resolve(file + ".part");
            Files.copy(corpus.resolve(file), part);
            Files.move(part, dossier.resolve(file));
        }
        Path done = archive.data().resolve("done").resolve(DOSSIER);
        await(Duration.ofMinutes(10), "every corpus file to reach done/", () ->
                TRUTH.keySet().stream().allMatch(f -> Files.exists(done.resolve(f))));
    }

    @Test
    @Order(1)
    void everyDocumentIsArchivedOnceWithItsFolderAndPages() throws Exception {
        RunningArchive archive = RunningArchive.get();
        for (Map.Entry<String, JsonNode> truth : TRUTH.entrySet()) {
            String id = IDS.get(truth.getKey());
            assertEquals("ARCHIVED", archive.getJson("/api/ingest/" + id).path("state").asText(), truth.getKey());
            JsonNode doc = archive.getJson("/api/documents/" + id);
            assertEquals(truth.getKey(), doc.path("fileName").asText());
            assertEquals(DOSSIER, doc.path("folder").asText());
            assertEquals(truth.getValue().path("mime").asText(), doc.path("contentType").asText(), truth.getKey());
            boolean bornDigital = truth.getValue().path("born_digital").asBoolean();
            if (!"docx".equals(truth.getValue().path("container").asText())) {
                assertEquals(truth.getValue().path("page_count").asInt(), doc.path("pageCount").asInt(), truth.getKey());
            }
            assertEquals(bornDigital ? "text" : "ocr", doc.path("extraction").asText(), truth.getKey());
            if (!bornDigital) {
                assertTrue(doc.path("ocrConfidence").asDouble() > 50, truth.getKey() + " OCR confidence");
            }
        }
        assertTrue(isEmpty(archive.data().resolve("failed").resolve(DOSSIER)), "no corpus file may fail");
    }

    @Test
    @Order(2)
    void everyOriginalDownloadsByteForByteWithItsVietnameseName() throws Exception {
        RunningArchive archive = RunningArchive.get();
        for (Map.Entry<String, JsonNode> truth : TRUTH.entrySet()) {
            String id = IDS.get(truth.getKey());
            HttpResponse<byte[]> response = archive.get("/api/documents/" + id + "/original");
            assertEquals(200, response.statusCode());
            assertEquals(id, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(response.body())));
            assertEquals(truth.getValue().path("mime").asText(), response.headers().firstValue("Content-Type").orElse(""));
            String disposition = response.headers().firstValue("Content-Disposition").orElse("");
            String encoded = URLEncoder.encode(truth.getKey(), StandardCharsets.UTF_8).replace("+", "%20");
            assertTrue(disposition.contains("filename*=UTF-8''" + encoded), disposition);
        }
    }

    @Test
    @Order(3)
    void extractedTextIsCloseToTheGroundTruth() throws Exception {
        RunningArchive archive = RunningArchive.get();
        long errors = 0;
        long length = 0;
        List<String> report = new ArrayList<>();
        for (Map.Entry<String, JsonNode> truth : TRUTH.entrySet()) {
            JsonNode text = archive.getJson("/api/documents/" + IDS.get(truth.getKey()) + "/text");
            StringBuilder read = new StringBuilder();
            text.path("pages").forEach(p -> read.append(p.path("text").asText()).append('\n'));
            String reference = TextMetrics.normalise(truth.getValue().path("full_text").asText());
            int distance = TextMetrics.distance(reference, read.toString());
            double cer = (double) distance / reference.length();
            report.add(String.format(Locale.ROOT, "%s: CER %.3f", truth.getKey(), cer));
            boolean bornDigital = truth.getValue().path("born_digital").asBoolean();
            assertTrue(cer <= (bornDigital ? 0.02 : 0.12), truth.getKey() + " CER " + cer);
            errors += distance;
            length += reference.length();
        }
        double pooled = (double) errors / length;
        System.out.printf(Locale.ROOT, "Corpus CER %.4f%n  %s%n", pooled, String.join("\n  ", report));
        assertTrue(pooled <= 0.05, "pooled CER " + pooled);
    }

    @Test
    @Order(4)
    void searchCasesFindTheirDocumentsFirst() throws Exception {
        RunningArchive archive = RunningArchive.get();
        double reciprocalRanks = 0;
        int cases = 0;
        Map<String, String> firstByQuery = new LinkedHashMap<>();
        List<String> report = new ArrayList<>();
        for (String line : Files.readAllLines(RunningArchive.corpus().resolve("queries.jsonl"))) {
            JsonNode query = Json.MAPPER.readTree(line);
            JsonNode filters = query.path("filters");
            String params = "&folder=" + DOSSIER + (filters.has("nam") ? "&year=" + filters.path("nam").asInt() : "")
                    + (filters.has("loai_van_ban") ? "&type=" + URLEncoder.encode(filters.path("loai_van_ban").asText(),
                    StandardCharsets.UTF_8) : "");
            List<String> hits = hitFileNames(archive, query.path("query").asText(), params);
            List<String> relevant = new ArrayList<>();
            query.path("relevant").forEach(r -> relevant.add(r.asText()));
            int rank = 0;
            for (int i = 0; i < Math.min(10, hits.size()); i++) {
                if (relevant.contains(hits.get(i))) {
                    rank = i + 1;
                    break;
                }
            }
            reciprocalRanks += rank == 0 ? 0 : 1.0 / rank;
            cases++;
            report.add(query.path("id").asText() + " rank " + rank + " " + query.path("query").asText());
            if (!hits.isEmpty()) {
                firstByQuery.put(TextMetrics.normalise(vn.sohoa.core.text.VietnameseText.fold(
                        query.path("query").asText()).toLowerCase(Locale.ROOT)) + params, hits.get(0));
            }
        }
        double mrr = reciprocalRanks / cases;
        System.out.printf(Locale.ROOT, "Search MRR@10 %.3f over %d cases%n  %s%n", mrr, cases, String.join("\n  ", report));
        assertTrue(mrr >= 0.85, "MRR@10 " + mrr);
        for (String line : Files.readAllLines(RunningArchive.corpus().resolve("queries.jsonl"))) {
            JsonNode query = Json.MAPPER.readTree(line);
            if (query.path("kind").asText().endsWith("_unaccented")) {
                String key = TextMetrics.normalise(query.path("query").asText().toLowerCase(Locale.ROOT)) + "&folder=" + DOSSIER;
                List<String> hits = hitFileNames(archive, query.path("query").asText(), "&folder=" + DOSSIER);
                assertEquals(firstByQuery.get(key), hits.isEmpty() ? null : hits.get(0),
                        "accented and unaccented forms of " + query.path("query").asText() + " rank the same document first");
            }
        }
    }

    @Test
    @Order(4)
    void administrativeMetadataIsReadOffTheRecords() throws Exception {
        RunningArchive archive = RunningArchive.get();
        Map<String, String[]> fields = new LinkedHashMap<>();
        fields.put("documentNumber", new String[] {"so_ky_hieu", "0.75"});
        fields.put("documentType", new String[] {"loai_van_ban", "0.95"});
        fields.put("issuedDate", new String[] {"ngay_ban_hanh", "0.95"});
        fields.put("place", new String[] {"dia_danh", "0.9"});
        fields.put("issuer", new String[] {"co_quan_ban_hanh", "0.75"});
        fields.put("subject", new String[] {"trich_yeu", "0.85"});
        fields.put("confidentiality", new String[] {"do_mat", "0.95"});
        fields.put("urgency", new String[] {"do_khan", "0.8"});
        List<String> report = new ArrayList<>();
        for (Map.Entry<String, String[]> field : fields.entrySet()) {
            int right = 0;
            for (Map.Entry<String, JsonNode> truth : TRUTH.entrySet()) {
                JsonNode expected = truth.getValue().path("metadata").path(field.getValue()[0]);
                JsonNode read = archive.getJson("/api/documents/" + IDS.get(truth.getKey())).path("metadata")
                        .path(field.getKey()).path("value");
                String want = expected.isNull() ? null : TextMetrics.normalise(expected.asText()).toLowerCase(Locale.ROOT);
                String got = read.isMissingNode() || read.isNull() ? null
                        : TextMetrics.normalise(read.asText()).toLowerCase(Locale.ROOT);
                if (java.util.Objects.equals(want, got)) {
                    right++;
                } else if (want == null) {
                    throw new AssertionError(field.getKey() + " invented for " + truth.getKey() + ": " + got);
                }
            }
            double accuracy = (double) right / TRUTH.size();
            report.add(String.format(Locale.ROOT, "%s %.2f", field.getKey(), accuracy));
            assertTrue(accuracy >= Double.parseDouble(field.getValue()[1]), field.getKey() + " accuracy " + accuracy);
        }
        System.out.println("Metadata accuracy: " + String.join(", ", report));
        JsonNode byNumber = archive.getJson("/api/search?q=" + URLEncoder.encode("số 30", StandardCharsets.UTF_8));
        assertEquals("TTr 30-LĐLĐ.tif", byNumber.path("hits").get(0).path("fileName").asText());
    }

    @Test
    @Order(5)
    void aQueryWithoutDiacriticsShowsSnippetsWithThem() throws Exception {
        JsonNode result = RunningArchive.get().getJson("/api/search?q=cong+doan+co+so&folder=" + DOSSIER);
        assertTrue(result.path("total").asLong() > 0);
        String snippets = result.path("hits").get(0).path("snippets").toString().toLowerCase(Locale.ROOT);
        assertTrue(snippets.contains("<mark>công</mark> <mark>đoàn</mark> <mark>cơ</mark> <mark>sở</mark>"), snippets);
        assertTrue(result.path("facets").path("contentType").size() > 1, "facets by content type");
    }

    @Test
    @Order(6)
    void theSameBytesUnderAnotherNameAreADuplicateNotAnError() throws Exception {
        RunningArchive archive = RunningArchive.get();
        String original = "88-TB-LĐLĐ.pdf";
        Path copy = archive.inbox().resolve("Ban sao").resolve("thong bao 88 (ban sao).pdf");
        Files.createDirectories(copy.getParent());
        Files.copy(RunningArchive.corpus().resolve(original), copy);
        Path done = archive.data().resolve("done").resolve("Ban sao").resolve(copy.getFileName());
        await(Duration.ofMinutes(2), "the copy to reach done/", () -> Files.exists(done));
        String id = IDS.get(original);
        assertEquals("DUPLICATE", archive.getJson("/api/ingest/" + id).path("state").asText());
        JsonNode doc = archive.getJson("/api/documents/" + id);
        assertEquals(original, doc.path("fileName").asText());
        assertEquals(2, doc.path("sources").size());
        assertEquals("Ban sao", doc.path("sources").get(1).path("folder").asText());
        assertEquals(1, archive.getJson("/api/search?q=%22LĐLĐ+tỉnh+thông+báo+như+sau%22").path("total").asLong());
    }

    @Test
    @Order(7)
    void aSecondStartReusesTheEnginesData() throws Exception {
        RunningArchive archive = RunningArchive.get();
        String query = "/api/search?q=chuyen+doi+so&folder=" + DOSSIER;
        JsonNode before = archive.getJson(query);
        archive.restart();
        JsonNode after = archive.getJson(query);
        assertEquals(before.path("total").asLong(), after.path("total").asLong());
        assertEquals(before.path("hits").get(0).path("id").asText(), after.path("hits").get(0).path("id").asText());
        String id = IDS.get("DOC00364.TIF");
        HttpResponse<byte[]> original = archive.get("/api/documents/" + id + "/original");
        assertEquals(id, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original.body())));
    }

    private static List<String> hitFileNames(RunningArchive archive, String query, String params) throws Exception {
        JsonNode result = archive.getJson("/api/search?size=10&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + params);
        List<String> names = new ArrayList<>();
        result.path("hits").forEach(h -> names.add(h.path("fileName").asText()));
        return names;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        try (var files = Files.walk(dir)) {
            return files.noneMatch(Files::isRegularFile);
        }
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
