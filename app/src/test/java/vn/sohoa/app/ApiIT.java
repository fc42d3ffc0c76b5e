package vn.sohoa.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.core.document.Json;

/** The HTTP API and the command line against the running archive. */
@ExtendWith(RunningArchive.Extension.class)
class ApiIT {

    private final RunningArchive archive = RunningArchive.get();

    @Test
    void healthReportsEveryEngine() throws Exception {
        HttpResponse<byte[]> response = archive.get("/api/health");
        assertEquals(200, response.statusCode());
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode health = Json.MAPPER.readTree(response.body());
        assertEquals("UP", health.path("status").asText());
        assertEquals("UP", health.path("engines").path("elasticsearch").path("status").asText());
        assertEquals("UP", health.path("engines").path("objectStore").path("status").asText());
    }

    @Test
    void errorsAreJsonWithAClearMessage() throws Exception {
        assertError("/api/documents/" + "0".repeat(64), 404);
        assertError("/api/documents/khong-co", 404);
        assertError("/api/documents/" + "0".repeat(64) + "/original", 404);
        assertError("/api/documents/" + "0".repeat(64) + "/text", 404);
        assertError("/api/search?q=%22c%C3%B4ng+%C4%91o%C3%A0n", 400);
        assertError("/api/search?q=x&page=abc", 400);
        assertError("/api/search?q=x&size=100000", 400);
        assertError("/api/search?q=x&year=hai-nghin", 400);
    }

    @Test
    void anUploadedFileTakesThePathOfADroppedFile() throws Exception {
        String name = "Tờ trình số " + UUID.randomUUID().toString().substring(0, 6) + ".txt";
        byte[] content = ("TỜ TRÌNH\nVề việc hỗ trợ kinh phí tổ chức Tháng Công nhân " + UUID.randomUUID())
                .getBytes(StandardCharsets.UTF_8);
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"folder\"\r\n\r\nTải lên/2024\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = archive.send(HttpRequest.newBuilder(URI.create(archive.url("/api/documents")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertEquals(202, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        String id = Json.MAPPER.readTree(response.body()).path("id").asText();
        assertEquals(RunningArchive.sha256(content), id);

        archive.awaitState(id, "ARCHIVED");
        JsonNode doc = archive.getJson("/api/documents/" + id);
        assertEquals(name, doc.path("fileName").asText());
        assertEquals("Tải lên/2024", doc.path("folder").asText());
        assertArrayEquals(content, archive.get("/api/documents/" + id + "/original").body());
        assertTrue(Files.exists(archive.data().resolve("done").resolve("Tải lên/2024").resolve(name)));
        JsonNode filtered = archive.getJson("/api/search?q=thang+cong+nhan&folder=T%E1%BA%A3i+l%C3%AAn");
        assertTrue(filtered.path("hits").findValuesAsText("id").contains(id), "the folder filter includes subfolders");
    }

    @Test
    void theBatchFolderIsReadOnItsSchedule() throws Exception {
        byte[] report = ("Báo cáo kết quả hoạt động công đoàn quý III " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        Path part = archive.data().resolve("batch").resolve("lo dem.txt.part");
        Files.write(part, report);
        Files.move(part, part.resolveSibling("lo dem.txt"));
        String id = RunningArchive.sha256(report);
        archive.awaitState(id, "ARCHIVED");
        assertTrue(Files.exists(archive.data().resolve("done").resolve("lo dem.txt")));
        JsonNode status = archive.getJson("/api/ingest/status");
        assertTrue(status.path("archived").asLong() >= 1);
        assertTrue(status.has("queued") && status.has("inProgress") && status.has("duplicate") && status.has("failed"));
    }

    @Test
    void theCommandLineIngestsAFolderWaitsAndSearches(@TempDir Path temp) throws Exception {
        Path dossier = temp.resolve("Hồ sơ hội nghị");
        Files.createDirectories(dossier.resolve("Phiên 1"));
        String token = "hoinghi" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Files.writeString(dossier.resolve("Phiên 1").resolve("bien ban.txt"), "Biên bản hội nghị " + token);
        Files.writeString(dossier.resolve("ket luan.txt"), "Kết luận hội nghị " + token);
        Files.writeString(dossier.resolve(".DS_Store"), "ignored");

        java.io.InputStream stdin = System.in;
        System.setIn(new java.io.ByteArrayInputStream((archive.adminPassword() + "\n").getBytes(StandardCharsets.UTF_8)));
        try {
            assertEquals(0, cli("login", "admin", "--url", archive.url("")));
        } finally {
            System.setIn(stdin);
        }
        Path saved = Path.of(System.getProperty("sohoa.config.dir"), "token");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(saved)), "the saved token is readable by its owner only");
        assertEquals(0, cli("ingest", dossier.toString(), "--wait", "--url", archive.url("")));
        JsonNode result = archive.getJson("/api/search?q=" + token);
        assertEquals(2, result.path("total").asLong());
        assertTrue(result.path("hits").findValuesAsText("folder").contains("Hồ sơ hội nghị/Phiên 1"));

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, cli("search", token, "--url", archive.url("")));
        } finally {
            System.setOut(stdout);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains("2 tài liệu") && output.contains("ket luan.txt"), output);

        String clerk = "vanthu-" + token.substring(token.length() - 6);
        System.setIn(new java.io.ByteArrayInputStream("mat-khau-van-thu-1\n".getBytes(StandardCharsets.UTF_8)));
        try {
            assertEquals(0, cli("user", "add", clerk, "--role", "archivist", "--clearance", "mat", "--name",
                    "Văn thư", "--url", archive.url("")));
        } finally {
            System.setIn(stdin);
        }
        printed.reset();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, cli("user", "disable", clerk, "--url", archive.url("")));
            assertEquals(0, cli("user", "list", "--url", archive.url("")));
        } finally {
            System.setOut(stdout);
        }
        assertTrue(printed.toString(StandardCharsets.UTF_8).lines()
                .anyMatch(line -> line.startsWith(clerk) && line.contains("archivist") && line.contains("đã khóa")),
                printed.toString(StandardCharsets.UTF_8));
        assertEquals(1, cli("user", "add", clerk, "--random-password", "--url", archive.url("")), "a taken name");
    }

    @Test
    void recordsWithTheSameNumberFromTheSameIssuerAreFlaggedAsPossibleDuplicates() throws Exception {
        String number = (100 + new java.util.Random().nextInt(800)) + "/TB-LĐLĐ";
        String header = "LĐLĐ TỈNH BÌNH PHƯỚC\nSố: " + number + "\nBình Phước, ngày 02 tháng 3 năm 2024\nTHÔNG BÁO\n"
                + "Về việc nghỉ lễ Quốc khánh\nKính gửi: các công đoàn cơ sở.\n";
        String first = archive.drop("Trung so/ban 1.txt", (header + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        String second = archive.drop("Trung so/ban 2.txt", (header + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        archive.awaitState(first, "ARCHIVED");
        archive.awaitState(second, "ARCHIVED");
        JsonNode doc = archive.getJson("/api/documents/" + first);
        assertEquals(List.of(second), Json.MAPPER.convertValue(doc.path("possibleDuplicates"), List.class));
        assertEquals(List.of(first), Json.MAPPER.convertValue(
                archive.getJson("/api/documents/" + second).path("possibleDuplicates"), List.class));
        assertEquals("07", doc.path("standard").path("typeName").asText());
        assertEquals("01", doc.path("standard").path("confidenceLevel").asText());
        assertEquals("Thông báo " + number + ": Về việc nghỉ lễ Quốc khánh", doc.path("title").asText());

        JsonNode inRange = archive.getJson("/api/search?folder=Trung+so&from=2024-03-01&to=2024-03-31&type="
                + java.net.URLEncoder.encode("Thông báo", StandardCharsets.UTF_8));
        assertEquals(2, inRange.path("total").asLong());
        assertEquals(0, archive.getJson("/api/search?folder=Trung+so&from=2024-04-01").path("total").asLong());
        assertEquals(400, archive.get("/api/search?from=02-03-2024").statusCode());
    }

    @Test
    void aRecordWithTheTypedWordsSideBySideComesFirst() throws Exception {
        String token = "canh" + UUID.randomUUID().toString().replace("-", "");
        // Both hold every word; the shorter one would come first if only the words counted.
        String apart = archive.drop("Canh nhau/rai rac.txt",
                ("Đoàn viên đủ. Phát triển kinh tế. " + token).getBytes(StandardCharsets.UTF_8));
        String together = archive.drop("Canh nhau/lien nhau.txt",
                ("Công tác phát triển đoàn viên tại các công đoàn cơ sở trong năm. " + token).getBytes(StandardCharsets.UTF_8));
        archive.awaitState(apart, "ARCHIVED");
        archive.awaitState(together, "ARCHIVED");
        for (String query : List.of("phát triển đoàn viên", "phat trien doan vien")) {
            JsonNode found = archive.getJson("/api/search?folder=Canh+nhau&q="
                    + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8));
            assertEquals(2, found.path("total").asLong(), query);
            assertEquals(together, found.path("hits").path(0).path("id").asText(), query);
        }
    }

    @Test
    void aQuotedPhraseFindsTheRecordsHoldingItsWordsSideBySideInThatOrder() throws Exception {
        String side = archive.drop("Cum tu/canh nhau.txt", ("Hội nghị Ban Chấp hành Công đoàn cơ sở lần thứ 3, "
                + "ngày 29/7/2025 (b/c), kinh phí 1.000.000 đồng.").getBytes(StandardCharsets.UTF_8));
        String apart = archive.drop("Cum tu/rai rac.txt", ("Ban Công đoàn được hỏi về hội nghị cơ sở, chấp hành "
                + "ngày 29 tháng 7 năm 2025, b và c.").getBytes(StandardCharsets.UTF_8));
        archive.awaitState(side, "ARCHIVED");
        archive.awaitState(apart, "ARCHIVED");
        for (String phrase : List.of("Ban Chấp hành Công đoàn", "ban chap hanh cong doan", "cơ sở lần", "b/c",
                "29/7/2025", "1.000.000", "- hội nghị ban", "thứ 3")) {
            JsonNode found = archive.getJson("/api/search?folder=Cum+tu&q="
                    + java.net.URLEncoder.encode("\"" + phrase + "\"", StandardCharsets.UTF_8));
            assertEquals(1, found.path("total").asLong(), phrase);
            assertEquals(side, found.path("hits").path(0).path("id").asText(), phrase);
        }
        JsonNode reversed = archive.getJson("/api/search?folder=Cum+tu&q="
                + java.net.URLEncoder.encode("\"công đoàn ban\"", StandardCharsets.UTF_8));
        assertEquals(0, reversed.path("total").asLong());
        JsonNode oneWord = archive.getJson("/api/search?folder=Cum+tu&q="
                + java.net.URLEncoder.encode("\"hội\"", StandardCharsets.UTF_8));
        assertEquals(2, oneWord.path("total").asLong());
    }

    @Test
    void aSnippetShowsTheTextWithItsDiacriticsEscapedAndTheTypedWordsMarked() throws Exception {
        String token = "trich" + UUID.randomUUID().toString().replace("-", "");
        String id = archive.drop("Trich doan/bao cao.txt", ("Báo cáo <b>tổng kết</b> & hoạt động của Công đoàn "
                + "cơ sở năm 2024. " + token).getBytes(StandardCharsets.UTF_8));
        archive.awaitState(id, "ARCHIVED");
        for (String query : List.of("cong doan", "công đoàn")) {
            JsonNode found = archive.getJson("/api/search?folder=Trich+doan&q="
                    + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8));
            assertEquals(id, found.path("hits").path(0).path("id").asText(), query);
            assertEquals("Báo cáo &lt;b&gt;tổng kết&lt;/b&gt; &amp; hoạt động của <mark>Công</mark> <mark>đoàn</mark> "
                    + "cơ sở năm 2024. " + token, found.path("hits").path(0).path("snippets").path(0).asText(), query);
        }
    }

    @Test
    void aDocumentNumberFindsItsDocumentThenTheOnesCitingItNotTheOnesHoldingItsPartsApart() throws Exception {
        String digits = String.valueOf(100 + new java.util.Random().nextInt(800));
        String number = digits + "/KH-LĐLĐ";
        String itself = archive.drop("So hieu/ke hoach.txt", ("LĐLĐ TỈNH BÌNH PHƯỚC\nSố: " + number
                + "\nBình Phước, ngày 02 tháng 3 năm 2024\nKẾ HOẠCH\nTổ chức hội thao công nhân lao động")
                .getBytes(StandardCharsets.UTF_8));
        String citing = archive.drop("So hieu/bao cao.txt", ("Báo cáo kết quả thực hiện Kế hoạch số " + number
                + " về hội thao. Đơn vị KH lưu tại LĐLĐ.").getBytes(StandardCharsets.UTF_8));
        String apart = archive.drop("So hieu/rai rac.txt", ("Năm nay có " + digits + " đoàn viên tham gia. Mã KH của "
                + "LĐLĐ huyện đã cập nhật.").getBytes(StandardCharsets.UTF_8));
        for (String id : List.of(itself, citing, apart)) {
            archive.awaitState(id, "ARCHIVED");
        }
        for (String query : List.of(number, digits + "/kh-ldld", digits + "/KH", "số " + digits)) {
            JsonNode found = archive.getJson("/api/search?folder=So+hieu&q="
                    + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8));
            List<String> ids = new java.util.ArrayList<>();
            found.path("hits").forEach(hit -> ids.add(hit.path("id").asText()));
            assertEquals(List.of(itself, citing), ids, query);
            assertEquals(2, found.path("total").asLong(), query);
            assertEquals("So hieu", found.path("facets").path("folder").path(0).path("value").asText(), query);
            assertEquals(2, found.path("facets").path("folder").path(0).path("count").asLong(), query);
            assertEquals("2024", found.path("facets").path("year").path(0).path("value").asText(), query);
            assertEquals(1, found.path("facets").path("year").path(0).path("count").asLong(), query);
            assertEquals(2, found.path("facets").path("ingestYear").path(0).path("count").asLong(), query);
            String snippet = found.path("hits").path(1).path("snippets").path(0).asText();
            assertTrue(snippet.matches(".*<mark>[^<]*" + digits + ".*") && snippet.contains("Đơn vị KH lưu tại LĐLĐ."),
                    "the number marked where it stands, not its letters elsewhere: " + snippet);
        }
    }

    @Test
    void confidentialRecordsAreFilteredAndCountedByTheirMark() throws Exception {
        String token = "mat" + UUID.randomUUID().toString().replace("-", "");
        String secret = archive.drop("Mat/ho so nhan su.txt", ("LĐLĐ TỈNH BÌNH PHƯỚC\nMẬT\nSố: 12/BC-LĐLĐ\n"
                + "BÁO CÁO\nVề công tác cán bộ " + token).getBytes(StandardCharsets.UTF_8));
        String open = archive.drop("Mat/thong bao.txt", ("LĐLĐ TỈNH BÌNH PHƯỚC\nSố: 13/TB-LĐLĐ\nTHÔNG BÁO\n"
                + "Về lịch họp " + token).getBytes(StandardCharsets.UTF_8));
        archive.awaitState(secret, "ARCHIVED");
        archive.awaitState(open, "ARCHIVED");
        JsonNode all = archive.getJson("/api/search?q=" + token);
        assertEquals(2, all.path("total").asLong());
        assertEquals("MẬT", all.path("facets").path("confidentiality").path(0).path("value").asText(), all.toString());
        assertEquals(1, all.path("facets").path("confidentiality").path(0).path("count").asLong());
        JsonNode secretOnly = archive.getJson("/api/search?q=" + token + "&confidentiality="
                + java.net.URLEncoder.encode("MẬT", StandardCharsets.UTF_8));
        assertEquals(1, secretOnly.path("total").asLong());
        assertEquals(secret, secretOnly.path("hits").path(0).path("id").asText());
        assertEquals("03", archive.getJson("/api/documents/" + secret).path("standard").path("mode").asText());
    }

    private static int cli(String... args) {
        return SohoaCli.commandLine().execute(args);
    }

    private void assertError(String path, int status) throws Exception {
        HttpResponse<byte[]> response = archive.get(path);
        assertEquals(status, response.statusCode(), path);
        JsonNode error = Json.MAPPER.readTree(response.body());
        assertTrue(error.path("message").asText().length() > 10, path + " says why: " + error);
    }
}
