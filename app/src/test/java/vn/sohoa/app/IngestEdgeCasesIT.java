package vn.sohoa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.sohoa.app.RunningArchive.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.storage.ObjectStore;

/** What archivists really drop: broken files, wrong types, half-copied files, lock files, odd names. */
@ExtendWith(RunningArchive.Extension.class)
class IngestEdgeCasesIT {

    private final RunningArchive archive = RunningArchive.get();

    @Test
    void filesThatCannotBeArchivedGoToFailedWithAReasonInVietnamese() throws Exception {
        Path dossier = archive.inbox().resolve("Hong");
        Files.createDirectories(dossier);
        Files.createFile(dossier.resolve("rong.pdf"));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dossier.resolve("ho so nen.zip")))) {
            zip.putNextEntry(new ZipEntry("a.txt"));
            zip.write("không phải văn bản".getBytes(StandardCharsets.UTF_8));
        }
        byte[] png = Files.readAllBytes(RunningArchive.corpus().resolve("giao chi tieu phat trien.png"));
        Files.write(dossier.resolve("bi cat.png"), Arrays.copyOf(png, png.length / 3));
        byte[] pdf = Files.readAllBytes(RunningArchive.corpus().resolve("scan_0362.pdf"));
        Files.write(dossier.resolve("pdf hong.pdf"), Arrays.copyOf(pdf, 400));
        byte[] tiff = Files.readAllBytes(RunningArchive.corpus().resolve("DOC00387.TIF"));
        Files.write(dossier.resolve("tiff hong.tif"), Arrays.copyOf(tiff, 300));
        byte[] jpeg = Files.readAllBytes(RunningArchive.corpus().resolve("IMG_20170719_161059.jpg"));
        Files.write(dossier.resolve("anh hong.jpg"), Arrays.copyOf(jpeg, 600));

        try (PDDocument locked = new PDDocument()) {
            locked.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("chu-so-huu", "mat-khau", new AccessPermission());
            locked.protect(policy);
            locked.save(dossier.resolve("co mat khau.pdf").toFile());
        }
        Files.write(dossier.resolve("bom giai nen.png"), pngDeclaring(200_000, 200_000));
        Files.copy(Path.of("/bin/ls"), dossier.resolve("chuong trinh.pdf"));

        Path failed = archive.data().resolve("failed").resolve("Hong");
        List<String> names = List.of("rong.pdf", "ho so nen.zip", "bi cat.png", "pdf hong.pdf", "tiff hong.tif",
                "anh hong.jpg", "co mat khau.pdf", "bom giai nen.png", "chuong trinh.pdf");
        await(Duration.ofMinutes(2), "the broken files to reach failed/", () ->
                names.stream().allMatch(n -> Files.exists(failed.resolve(n + ".error.json"))));
        assertTrue(reason(failed, "rong.pdf").contains("rỗng"));
        assertTrue(reason(failed, "ho so nen.zip").contains("Loại tệp không được nhận (application/zip)"));
        assertTrue(reason(failed, "bi cat.png").contains("PNG bị hỏng"), reason(failed, "bi cat.png"));
        assertTrue(reason(failed, "pdf hong.pdf").contains("PDF bị hỏng"), reason(failed, "pdf hong.pdf"));
        assertTrue(reason(failed, "tiff hong.tif").contains("TIFF bị hỏng"), reason(failed, "tiff hong.tif"));
        assertTrue(reason(failed, "anh hong.jpg").contains("JPEG bị hỏng"), reason(failed, "anh hong.jpg"));
        assertTrue(reason(failed, "co mat khau.pdf").contains("mật khẩu"), reason(failed, "co mat khau.pdf"));
        assertTrue(reason(failed, "bom giai nen.png").contains("200000 × 200000"), reason(failed, "bom giai nen.png"));
        assertTrue(reason(failed, "chuong trinh.pdf").contains("Loại tệp không được nhận"), reason(failed, "chuong trinh.pdf"));
        JsonNode report = Json.MAPPER.readTree(failed.resolve("rong.pdf.error.json").toFile());
        assertEquals("Hong", report.path("folder").asText());
        assertTrue(report.path("howToRetry").asText().contains("inbox/"));
        ObjectStore store = ObjectStore.connect(archive.sohoa().settings());
        for (String name : names) {
            assertTrue(Files.exists(failed.resolve(name)), name + " is kept in failed/ to be retried");
            String id = RunningArchive.sha256(Files.readAllBytes(failed.resolve(name)));
            assertTrue(store.statOriginal(id).isEmpty(), name + ": a failed file leaves no original in storage");
        }
    }

    @Test
    void theTypeComesFromTheContentNotTheName() throws Exception {
        byte[] jpeg = Files.readAllBytes(RunningArchive.corpus().resolve("20250921_100756.jpg"));
        byte[] different = Arrays.copyOf(jpeg, jpeg.length + 16);
        System.arraycopy(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII), 0, different, jpeg.length, 16);
        String id = archive.drop("bao cao.docx", different);
        archive.awaitState(id, "ARCHIVED");
        JsonNode doc = archive.getJson("/api/documents/" + id);
        assertEquals("image/jpeg", doc.path("contentType").asText());
        assertEquals("ocr", doc.path("extraction").asText());
    }

    @Test
    void hiddenLockAndPartialFilesAreLeftAlone() throws Exception {
        Path dossier = archive.inbox().resolve("Tam");
        Files.createDirectories(dossier.resolve(".git"));
        List<Path> ignored = List.of(dossier.resolve(".an.txt"), dossier.resolve("~$bao cao.docx"),
                dossier.resolve("dang tai.pdf.part"), dossier.resolve("tai ve.pdf.crdownload"),
                dossier.resolve("tam.tmp"), dossier.resolve("Thumbs.db"), dossier.resolve(".git").resolve("x.txt"));
        for (Path path : ignored) {
            Files.writeString(path, "tệp tạm " + UUID.randomUUID());
        }
        String id = archive.drop("Tam/ghi chu.txt", ("Ghi chú của văn thư " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        archive.awaitState(id, "ARCHIVED");
        for (Path path : ignored) {
            assertTrue(Files.exists(path), path + " must stay where it is");
        }
    }

    @Test
    void aFileStillBeingCopiedIsNotTakenUntilItStopsChanging() throws Exception {
        Path file = archive.inbox().resolve("dang chep.txt");
        String token = "sohoa" + UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            for (int i = 0; i <= 12; i++) {
                byte[] line = (i < 12 ? "Dòng " + i + " của biên bản họp Ban Chấp hành.\n" : token + "\n")
                        .getBytes(StandardCharsets.UTF_8);
                out.write(line);
                out.flush();
                written.write(line);
                Thread.sleep(300);
                assertTrue(Files.exists(file), "the file was taken while it was still being written");
            }
        }
        String id = RunningArchive.sha256(written.toByteArray());
        archive.awaitState(id, "ARCHIVED");
        JsonNode text = archive.getJson("/api/documents/" + id + "/text");
        assertTrue(text.toString().contains(token), "the whole file was archived, not a part of it");
    }

    @Test
    void longLeadingDashAndCaseTwinNamesAreArchivedOrFailedWithTheirReport() throws Exception {
        String stem = "Biên bản họp " + UUID.randomUUID().toString().substring(0, 6) + " ";
        String longName = (stem + "x".repeat(250)).substring(0, 80) + " dài.txt";
        while (longName.getBytes(StandardCharsets.UTF_8).length < 250) {
            longName = "a" + longName;
        }
        String emptyLong = longName.substring(0, longName.length() - 4) + ".pdf";
        Path dossier = archive.inbox().resolve("Ten tep");
        Files.createDirectories(dossier);
        Files.createFile(dossier.resolve(emptyLong));
        String dash = archive.drop("Ten tep/-rf bao cao.txt", ("Báo cáo " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        String lower = archive.drop("Ten tep/hoa.txt", ("chữ thường " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        String upper = archive.drop("Ten tep/HOA.txt", ("CHỮ HOA " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        for (String id : List.of(dash, lower, upper)) {
            archive.awaitState(id, "ARCHIVED");
        }
        Path failed = archive.data().resolve("failed").resolve("Ten tep");
        String name = emptyLong;
        await(Duration.ofMinutes(1), "the empty long-named file to fail with a report", () ->
                Files.exists(failed.resolve(name)) && listing(failed).anyMatch(f -> f.endsWith(".error.json")));
        assertEquals("HOA.txt", archive.getJson("/api/documents/" + upper).path("fileName").asText());
        assertEquals("-rf bao cao.txt", archive.getJson("/api/documents/" + dash).path("fileName").asText());
    }

    private static java.util.stream.Stream<String> listing(Path dir) {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList().stream();
        } catch (java.io.IOException e) {
            return java.util.stream.Stream.empty();
        }
    }

    @Test
    void decomposedFileNamesAreStoredInNfc() throws Exception {
        String nfc = "Biên bản họp " + UUID.randomUUID().toString().substring(0, 8) + ".txt";
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        String id = archive.drop(nfd, ("Biên bản họp Ban Thường vụ " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        archive.awaitState(id, "ARCHIVED");
        assertEquals(nfc, archive.getJson("/api/documents/" + id).path("fileName").asText());
        assertFalse(Files.exists(archive.inbox().resolve(nfd)));
    }

    @Test
    void pdfsWhoseObjectsLoopFailWithAReasonAndDoNotHoldUpTheOthers() throws Exception {
        Path dossier = archive.inbox().resolve("Vong lap");
        Files.createDirectories(dossier);
        Files.write(dossier.resolve("cay trang vong.pdf"), pdf(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>"));
        Files.write(dossier.resolve("hinh tu ve.pdf"), pdf(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /F 5 0 R >> >> /Contents 4 0 R >>",
                "<< /Length 6 >>\nstream\n/F Do\n\nendstream",
                "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /F 5 0 R >> >> /Length 6 >>\nstream\n/F Do\n\nendstream"));
        String after = archive.drop("Vong lap/sau do.txt", ("Văn bản đến sau " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));

        archive.awaitState(after, "ARCHIVED");
        Path failed = archive.data().resolve("failed").resolve("Vong lap");
        Path done = archive.data().resolve("done").resolve("Vong lap");
        await(Duration.ofMinutes(2), "the looping PDFs to leave the inbox", () ->
                !Files.exists(dossier.resolve("cay trang vong.pdf")) && !Files.exists(dossier.resolve("hinh tu ve.pdf")));
        assertTrue(reason(failed, "cay trang vong.pdf").contains("PDF bị hỏng"), "a page tree that loops is damaged");
        assertTrue(Files.exists(failed.resolve("hinh tu ve.pdf")) || Files.exists(done.resolve("hinh tu ve.pdf")),
                "a page drawing itself is refused with its reason or archived as the blank page it shows");
    }

    @Test
    void aPdfClaimingMoreThanABillionPagesIsReadForThePagesItHas() throws Exception {
        String word = "trangthat" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String content = "BT /F1 12 Tf 72 720 Td (Bao cao " + word + " cua cong doan co so) Tj ET";
        byte[] bytes = pdf(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1410065407 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        String id = archive.drop("Trang ao/bao cao.pdf", bytes);
        archive.awaitState(id, "ARCHIVED");
        assertEquals(1, archive.getJson("/api/documents/" + id).path("pageCount").asInt());
        assertEquals(1, archive.getJson("/api/search?q=" + word).path("total").asInt());
    }

    @Test
    void aValueTheIndexRefusesFailsTheFileWithItsReasonWhileTheEnginesAnswer() throws Exception {
        long waitingBefore = archive.getJson("/api/ingest/status").path("waitingForEngines").asLong();
        String issuer = "Công đoàn cơ sở ".repeat(2500);
        archive.drop("Qua dai/metadata.csv", ("Tên tệp;Cơ quan ban hành\nqua dai.txt;" + issuer + "\n")
                .getBytes(StandardCharsets.UTF_8));
        Thread.sleep(1500);
        String id = archive.drop("Qua dai/qua dai.txt", ("Công văn " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        long start = System.nanoTime();
        archive.awaitState(id, "FAILED");
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 60, "failed within a minute, not retried for ever");
        Path failed = archive.data().resolve("failed").resolve("Qua dai");
        assertTrue(reason(failed, "qua dai.txt").contains("chỉ mục"), reason(failed, "qua dai.txt"));
        assertTrue(Json.MAPPER.readTree(failed.resolve("qua dai.txt.error.json").toFile()).path("detail").asText()
                .contains("immense"), "the index's own words are kept as the detail");
        assertEquals("UP", archive.getJson("/api/health").path("status").asText());
        assertEquals(waitingBefore, archive.getJson("/api/ingest/status").path("waitingForEngines").asLong());
        assertEquals(0, reindex().path("refused").asInt(), "the refused file left no record behind to trip the reindex");
        assertFalse(Files.exists(archive.data().resolve("engines/s3/objects/originals").resolve(id)),
                "nor its original, which no record would describe");

        archive.drop("Qua dai/metadata.csv", "Tên tệp;Cơ quan ban hành\nqua dai.txt;Công đoàn cơ sở Trường Tiểu học\n"
                .getBytes(StandardCharsets.UTF_8));
        Thread.sleep(1500);
        Files.move(failed.resolve("qua dai.txt"), archive.inbox().resolve("Qua dai").resolve("qua dai.txt"));
        archive.awaitState(id, "ARCHIVED");
        assertEquals("Công đoàn cơ sở Trường Tiểu học", archive.getJson("/api/documents/" + id).path("issuer").asText(),
                "dropped again after its manifest was fixed, the file is archived anew");
    }

    @Test
    void aManifestTheIndexRefusesChangesNothingUntilItIsFixed() throws Exception {
        String id = archive.drop("Muc luc sau/cong van.txt", ("Công văn " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        archive.awaitState(id, "ARCHIVED");
        Path manifest = archive.inbox().resolve("Muc luc sau").resolve("metadata.csv");
        Files.createDirectories(manifest.getParent());
        Files.writeString(manifest, "Tên tệp;Cơ quan ban hành\ncong van.txt;" + "Ban Thường vụ ".repeat(3000) + "\n");
        Thread.sleep(8000);
        assertFalse(archive.getJson("/api/documents/" + id).path("issuer").asText().startsWith("Ban Thường vụ Ban"));
        assertTrue(Files.exists(manifest), "a manifest that could not be applied stays where the archivist put it");
        assertEquals("UP", archive.getJson("/api/health").path("status").asText());
        assertEquals(0, reindex().path("refused").asInt(), "the refused values never reached the stored record");

        Files.writeString(manifest, "Tên tệp;Cơ quan ban hành\ncong van.txt;Ban Thường vụ LĐLĐ tỉnh\n");
        await(Duration.ofMinutes(1), "the fixed manifest to be applied", () -> {
            try {
                return "Ban Thường vụ LĐLĐ tỉnh".equals(archive.getJson("/api/documents/" + id).path("issuer").asText());
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void aFileTakenAwayWhileItsPagesAreReadIsArchivedFromItsStoredOriginal() throws Exception {
        long waitingBefore = archive.getJson("/api/ingest/status").path("waitingForEngines").asLong();
        Path folder = archive.inbox().resolve("Rut lai");
        Files.createDirectories(folder);
        Path part = folder.resolve("ban quet.pdf.part");
        LargeDocumentIT.writeScannedPdf(part, 8);
        Files.write(part, UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII), StandardOpenOption.APPEND);
        String id = RunningArchive.sha256(Files.readAllBytes(part));
        Path file = Files.move(part, folder.resolve("ban quet.pdf"));
        await(Duration.ofMinutes(2), "the scan to be half read", () -> {
            try {
                return archive.getJson("/api/ingest/" + id).path("pagesDone").asInt() >= 1;
            } catch (Exception e) {
                return false;
            }
        });
        Files.delete(file);
        archive.awaitState(id, "ARCHIVED");
        assertEquals(8, archive.getJson("/api/documents/" + id).path("pageCount").asInt(),
                archive.getJson("/api/documents/" + id).toString());
        assertEquals("UP", archive.getJson("/api/health").path("status").asText());
        assertEquals(waitingBefore, archive.getJson("/api/ingest/status").path("waitingForEngines").asLong());
    }

    /**
     * A file read without OCR does not wait for the scans dropped before it: as many scans as are
     * OCRed at once (two per core) fill the OCR turns, and the text file dropped after them is
     * archived while they are still read. Each scan has several pages: a one-page scan is read in
     * about the time the text file takes to be polled, archived and searchable, and the two raced.
     */
    @Test
    void aFileReadWithoutOcrIsNotQueuedBehindScans() throws Exception {
        Path folder = archive.inbox().resolve("Xep hang");
        Files.createDirectories(folder);
        List<String> scans = new java.util.ArrayList<>();
        for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors(); i++) {
            Path part = folder.resolve("ban quet " + i + ".pdf.part");
            LargeDocumentIT.writeScannedPdf(part, 4);
            Files.write(part, UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII), StandardOpenOption.APPEND);
            scans.add(RunningArchive.sha256(Files.readAllBytes(part)));
            Files.move(part, folder.resolve("ban quet " + i + ".pdf"));
        }
        Thread.sleep(100);
        String note = archive.drop("Xep hang/ghi chu.txt",
                ("Ghi chú cuộc họp giao ban tháng 12, bản " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));

        archive.awaitState(note, "ARCHIVED");
        Path done = archive.data().resolve("done").resolve("Xep hang");
        for (int i = 0; i < scans.size(); i++) {
            assertFalse(Files.exists(done.resolve("ban quet " + i + ".pdf")), "scan " + i + " was archived before the text file");
        }
        for (String scan : scans) {
            archive.awaitState(scan, "ARCHIVED");
        }
    }

    private JsonNode reindex() throws Exception {
        HttpResponse<byte[]> rebuilt = archive.send(HttpRequest.newBuilder(URI.create(archive.url("/api/maintenance/reindex")))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, rebuilt.statusCode(), new String(rebuilt.body(), StandardCharsets.UTF_8));
        return Json.MAPPER.readTree(rebuilt.body());
    }

    /** A PDF file of the given objects (numbered from 1, the first one the catalog), with a correct cross-reference table. */
    private static byte[] pdf(String... objects) {
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new java.util.ArrayList<>();
        for (int i = 0; i < objects.length; i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> pdf.append(String.format("%010d 00000 n \n", o)));
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A tiny PNG whose header claims a gigantic image: reading its pixels would exhaust memory. */
    private static byte[] pngDeclaring(int width, int height) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_BYTE_GRAY),
                "png", out);
        byte[] png = out.toByteArray();
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(png);
        header.putInt(16, width).putInt(20, height);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(png, 12, 17);
        header.putInt(29, (int) crc.getValue());
        return png;
    }

    private static String reason(Path failed, String name) throws Exception {
        return Json.MAPPER.readTree(failed.resolve(name + ".error.json").toFile()).path("reason").asText();
    }
}
