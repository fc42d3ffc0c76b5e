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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.sohoa.core.document.Json;

/** The archivist's manifest (metadata.csv / metadata.xlsx) beside the files: its values win, the values read are kept. */
@ExtendWith(RunningArchive.Extension.class)
class ManifestIT {

    private final RunningArchive archive = RunningArchive.get();

    @Test
    void theManifestsValuesWinTheReadOnesAreKeptAndSearchFindsThem() throws Exception {
        String token = token();
        String folder = "Muc luc " + token;
        String issuer = "Ban Thường vụ LĐLĐ tỉnh " + token;
        byte[] csv = csv(String.join("\r\n",
                "STT;Tên tệp;Số ký hiệu;Ngày văn bản;Tên loại văn bản;Trích yếu nội dung;Cơ quan ban hành;Người ký;"
                        + "Mã hồ sơ;Tiêu đề hồ sơ;Thời hạn bảo quản;Chế độ sử dụng",
                "1;bao cao quy I.txt;06/KH-LĐLĐ;05/02/2024;Kế hoạch;\"Triển khai nhiệm vụ; năm 2024\";" + issuer
                        + ";Nguyễn Thị Hoa;HS-" + token + ";Hồ sơ kế hoạch 2024;Vĩnh viễn;Công khai",
                "2;ke hoach 2.txt;07/KH-LĐLĐ;06/02/2024;Kế hoạch;Kế hoạch thứ hai;" + issuer + ";;HS-" + token
                        + ";Hồ sơ kế hoạch 2024;Vĩnh viễn;Công khai",
                ""));
        String id = archive.drop(folder + "/bao cao quy I.txt", report(token, "45"));
        archive.drop(folder + "/metadata.csv", csv);
        archive.awaitState(id, "ARCHIVED");
        await(Duration.ofMinutes(1), "the manifest's values on the document", () ->
                "06".equals(document(id).path("manifest").path("codeNumber").asText()));

        JsonNode doc = archive.getJson("/api/documents/" + id);
        JsonNode manifest = doc.path("manifest");
        assertEquals("KH-LĐLĐ", manifest.path("codeNotation").asText());
        assertEquals("2024-02-05", manifest.path("issuedDate").asText());
        assertEquals("10", manifest.path("typeName").asText());
        assertEquals("Kế hoạch", manifest.path("documentType").asText());
        assertEquals("Triển khai nhiệm vụ; năm 2024", manifest.path("subject").asText());
        assertEquals("Hồ sơ kế hoạch 2024", manifest.path("title").asText());
        assertEquals("1", manifest.path("STT").asText());
        assertEquals("45/BC-LĐLĐ", doc.path("metadata").path("documentNumber").path("value").asText(), "kept as read");
        assertEquals("Báo cáo", doc.path("metadata").path("documentType").path("value").asText(), "kept as read");

        assertEquals("06/KH-LĐLĐ", doc.path("documentNumber").asText());
        assertEquals("Kế hoạch", doc.path("documentType").asText());
        assertEquals(issuer, doc.path("issuer").asText());
        assertEquals("Nguyễn Thị Hoa", doc.path("signer").asText());
        assertEquals("2024-02-05", doc.path("issuedDate").asText());
        assertEquals("Kế hoạch 06/KH-LĐLĐ: Triển khai nhiệm vụ; năm 2024", doc.path("title").asText());
        JsonNode standard = doc.path("standard");
        assertEquals("10", standard.path("typeName").asText());
        assertEquals("06", standard.path("codeNumber").asText());
        assertEquals("HS-" + token, standard.path("fileCode").asText());
        assertEquals(issuer, standard.path("organName").asText());
        assertEquals("01", standard.path("mode").asText());

        assertTrue(found("/api/search?q=" + token + "&type=" + encode("Kế hoạch")).contains(id));
        assertFalse(found("/api/search?q=" + token + "&type=" + encode("Báo cáo")).contains(id), "the read type lost");
        assertTrue(found("/api/search?issuer=" + encode(issuer)).contains(id));
        assertTrue(found("/api/search?fileCode=HS-" + token).contains(id));
        assertTrue(found("/api/search?q=" + encode("06/KH-LĐLĐ") + "&folder=" + encode(folder)).contains(id));

        Path inDone = archive.data().resolve("done").resolve(folder).resolve("metadata.csv");
        await(Duration.ofMinutes(1), "the manifest to follow its files to done/", () ->
                Files.exists(inDone) && !Files.exists(archive.inbox().resolve(folder).resolve("metadata.csv")));

        String later = archive.drop(folder + "/ke hoach 2.txt", report(token, "46"));
        archive.awaitState(later, "ARCHIVED");
        JsonNode laterDoc = archive.getJson("/api/documents/" + later);
        assertEquals("07/KH-LĐLĐ", laterDoc.path("documentNumber").asText(), "a later file reads the manifest in done/");
        assertEquals("HS-" + token, laterDoc.path("fileCode").asText());
    }

    @Test
    void aManifestArrivingAfterItsFilesIsAppliedToThem() throws Exception {
        String token = token();
        String folder = "Bo sung " + token;
        String issuer = "LĐLĐ huyện Bù Đốp " + token;
        String id = archive.drop(folder + "/bao cao.txt", report(token, "12"));
        archive.awaitState(id, "ARCHIVED");
        JsonNode before = archive.getJson("/api/documents/" + id);
        assertEquals("12/BC-LĐLĐ", before.path("documentNumber").asText());
        assertTrue(before.path("manifest").isEmpty() || before.path("manifest").isMissingNode());

        HttpResponse<byte[]> uploaded = upload(folder, "metadata.xlsx", xlsx(issuer));
        assertEquals(202, uploaded.statusCode(), new String(uploaded.body(), StandardCharsets.UTF_8));
        assertEquals("MANIFEST", Json.MAPPER.readTree(uploaded.body()).path("status").asText());

        await(Duration.ofMinutes(1), "the late manifest applied to the archived document", () ->
                issuer.equals(document(id).path("issuer").asText()));
        JsonNode after = archive.getJson("/api/documents/" + id);
        assertEquals("Quyết định", after.path("documentType").asText());
        assertEquals("02", after.path("standard").path("typeName").asText());
        assertEquals("2023-11-20", after.path("issuedDate").asText(), "an Excel date cell");
        assertEquals("12/BC-LĐLĐ", after.path("metadata").path("documentNumber").path("value").asText());
        // The document is read back at once; search sees the change after the index's next refresh.
        await(Duration.ofSeconds(30), "search to filter on the manifest's issuer", () -> {
            try {
                return found("/api/search?issuer=" + encode(issuer)).contains(id);
            } catch (Exception e) {
                return false;
            }
        });
        await(Duration.ofMinutes(1), "the manifest in done/", () ->
                Files.exists(archive.data().resolve("done").resolve(folder).resolve("metadata.xlsx")));
    }

    @Test
    void aManifestThatCannotBeReadDoesNotStopTheArchiveAndSaysWhy() throws Exception {
        String token = token();
        String folder = "Muc luc hong " + token;
        archive.drop(folder + "/metadata.xlsx", "không phải tệp Excel".getBytes(StandardCharsets.UTF_8));
        String id = archive.drop(folder + "/bao cao.txt", report(token, "77"));
        archive.awaitState(id, "ARCHIVED");

        JsonNode doc = archive.getJson("/api/documents/" + id);
        assertTrue(doc.path("manifestError").asText().startsWith("Không đọc được tệp mục lục metadata.xlsx"),
                doc.path("manifestError").asText());
        assertEquals("77/BC-LĐLĐ", doc.path("documentNumber").asText(), "archived with the values read");
        Path report = archive.inbox().resolve(folder).resolve("metadata.xlsx.error.json");
        assertTrue(Files.exists(report));
        assertTrue(Json.MAPPER.readTree(report.toFile()).path("howToFix").asText().contains("thư mục"));
        assertTrue(Files.exists(archive.inbox().resolve(folder).resolve("metadata.xlsx")),
                "a manifest that cannot be read stays where the archivist can fix it");
    }

    /** A report as a Word export reads: header, number, date, type and subject, body with the token, signature. */
    private static byte[] report(String token, String number) {
        return String.join("\n",
                "LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH PHƯỚC",
                "Số: " + number + "/BC-LĐLĐ",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Đồng Xoài, ngày 12 tháng 3 năm 2024",
                "BÁO CÁO",
                "Kết quả hoạt động công đoàn quý I năm 2024",
                "Kính gửi: Tổng Liên đoàn Lao động Việt Nam.",
                "Trong quý I, các cấp công đoàn đã thực hiện tốt nhiệm vụ " + token + " số " + number + ".",
                "Nơi nhận:",
                "- Như trên;",
                "- Lưu: VT.",
                "TM. BAN THƯỜNG VỤ",
                "CHỦ TỊCH",
                "Trần Văn Bình").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] csv(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static byte[] xlsx(String issuer) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Mục lục");
            Row header = sheet.createRow(0);
            String[] names = {"Tên file", "Số", "Ký hiệu", "Ngày tháng năm văn bản", "Loại văn bản", "Cơ quan ban hành"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("bao cao.txt");
            row.createCell(1).setCellValue(101);
            row.createCell(2).setCellValue("QĐ-LĐLĐ");
            row.createCell(3).setCellValue(java.time.LocalDate.of(2023, 11, 20));
            var dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            row.getCell(3).setCellStyle(dateStyle);
            row.createCell(4).setCellValue("Quyết định");
            row.createCell(5).setCellValue(issuer);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private HttpResponse<byte[]> upload(String folder, String name, byte[] content) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"folder\"\r\n\r\n" + folder + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return archive.send(HttpRequest.newBuilder(URI.create(archive.url("/api/documents")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private JsonNode document(String id) {
        try {
            return archive.getJson("/api/documents/" + id);
        } catch (IOException e) {
            return Json.MAPPER.createObjectNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Json.MAPPER.createObjectNode();
        }
    }

    private List<String> found(String query) throws Exception {
        return archive.getJson(query).path("hits").findValuesAsText("id");
    }

    private static String token() {
        return "mucluc" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
