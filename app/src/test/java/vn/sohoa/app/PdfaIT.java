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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import vn.sohoa.core.document.Json;
import vn.sohoa.pipeline.pdfa.PdfaValidation;

/** A scanned document gets its two-layer PDF/A copy (Thông tư 05/2025): served, searchable, checked for fixity. */
@ExtendWith(RunningArchive.Extension.class)
class PdfaIT {

    /** Two sideways pages, bilevel at 200 dpi: turned upright and scaled up for OCR, stored as Group 4. */
    private static final String SCAN = "TTr 30-LĐLĐ.tif";

    private final RunningArchive archive = RunningArchive.get();

    @TempDir
    Path temp;

    @Test
    void aScanIsServedAsAValidPdfaWhosePagesAreTheOcrImagesUnderTheirWords() throws Exception {
        byte[] scan = uniqueCopy(Files.readAllBytes(RunningArchive.corpus().resolve(SCAN)));
        String id = archive.drop("So hoa " + UUID.randomUUID() + "/" + SCAN, scan);
        awaitStored(id);
        JsonNode doc = archive.getJson("/api/documents/" + id);
        assertEquals("/api/documents/" + id + "/pdf", doc.path("links").path("pdf").asText(), doc.toString());

        HttpResponse<byte[]> response = archive.get("/api/documents/" + id + "/pdf");
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse(""));
        String disposition = response.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.contains("filename*=UTF-8''TTr%2030-L%C4%90L%C4%90.pdf"), disposition);
        Path pdf = Files.write(temp.resolve("copy.pdf"), response.body());

        PdfaValidation.Result validation = PdfaValidation.validate(pdf);
        assertEquals(PDFAFlavour.PDFA_2_B, validation.flavour());
        assertTrue(validation.compliant(), validation.failures().toString());

        JsonNode pages = archive.getJson("/api/documents/" + id + "/text").path("pages");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertEquals(pages.size(), document.getNumberOfPages());
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 0; i < pages.size(); i++) {
                JsonNode page = pages.get(i);
                PDPage pdfPage = document.getPage(i);
                PDImageXObject image = image(pdfPage);
                assertEquals(page.path("width").asInt(), image.getWidth(), "the page image is the one OCR read");
                assertEquals(page.path("height").asInt(), image.getHeight());
                assertTrue(pdfPage.getMediaBox().getHeight() > pdfPage.getMediaBox().getWidth(), "turned upright");
                assertEquals(COSName.CCITTFAX_DECODE, image.getCOSObject().getFilters(), "bilevel scans stay bilevel");

                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                List<String> extracted = tokens(stripper.getText(document));
                List<String> ocrWords = new ArrayList<>();
                page.path("words").forEach(w -> ocrWords.add(w.path("text").asText()));
                assertFalse(ocrWords.isEmpty(), "page " + (i + 1) + " has text");
                assertEquals(ocrWords, extracted, "page " + (i + 1) + ": the text layer is the OCR text, word for word");
            }
            String all = new PDFTextStripper().getText(document);
            for (String expected : new String[] {"TỜ TRÌNH", "Liên đoàn Lao động", "Tháng Công nhân"}) {
                assertTrue(all.contains(expected), expected + " in " + all);
            }
        }
    }

    @Test
    void aMixedPdfsTypedPageIsAnImageInTheCopyAndItsScannedPageIsSearchable() throws Exception {
        String typed = "Văn bản điện tử " + UUID.randomUUID();
        String scanned = "Biên bản họp Ban Chấp hành Công đoàn cơ sở";
        String id = archive.drop("So hoa/hon hop " + UUID.randomUUID() + ".pdf",
                FormatsIT.mixedPdf(typed + " - Liên đoàn Lao động tỉnh thông báo kết quả.", scanned));
        archive.awaitState(id, "ARCHIVED");
        HttpResponse<byte[]> response = archive.get("/api/documents/" + id + "/pdf");
        assertEquals(200, response.statusCode());
        Path pdf = Files.write(temp.resolve("mixed.pdf"), response.body());
        PdfaValidation.Result validation = PdfaValidation.validate(pdf);
        assertTrue(validation.compliant(), validation.failures().toString());
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertEquals(2, document.getNumberOfPages());
            assertEquals(PDRectangle.A4.getWidth(), document.getPage(0).getMediaBox().getWidth(), 1);
            assertEquals(3, image(document.getPage(0)).getColorSpace().getNumberOfComponents(), "typed pages in colour");
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(1);
            assertEquals("", stripper.getText(document).strip(), "a typed page has no OCR words to lay over it");
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertTrue(stripper.getText(document).contains(scanned), stripper.getText(document));
        }
    }

    @Test
    void aBornDigitalDocumentHasNoPdfaCopy() throws Exception {
        String id = archive.drop("So hoa/van ban " + UUID.randomUUID() + ".txt",
                ("Thông báo kết quả Đại hội công đoàn " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        archive.awaitState(id, "ARCHIVED");
        assertFalse(archive.getJson("/api/documents/" + id).path("links").has("pdf"));
        HttpResponse<byte[]> response = archive.get("/api/documents/" + id + "/pdf");
        assertEquals(404, response.statusCode());
        assertTrue(Json.MAPPER.readTree(response.body()).path("message").asText().contains("PDF/A"));
        assertEquals(404, archive.get("/api/documents/" + "0".repeat(64) + "/pdf").statusCode());
    }

    @Test
    void tamperingWithAPdfaCopyIsDetected() throws Exception {
        byte[] scan = uniqueCopy(Files.readAllBytes(RunningArchive.corpus().resolve(SCAN)));
        String id = archive.drop("So hoa " + UUID.randomUUID() + "/" + SCAN, scan);
        awaitStored(id);
        Path copy = archive.data().resolve("engines/s3/objects/derivatives").resolve(id + ".pdf");
        Path aside = copy.resolveSibling(id + ".aside");
        byte[] bytes = Files.readAllBytes(copy);
        // Written in place and moved, never recreated: the S3 server keeps an object's metadata with its file.
        try {
            byte[] changed = bytes.clone();
            changed[changed.length / 2] ^= 1;
            Files.write(copy, changed);
            assertTrue(verify().path("altered").toString().contains("derivatives/" + id + ".pdf"));
            Files.move(copy, aside);
            assertTrue(verify().path("missing").toString().contains("derivatives/" + id + ".pdf"));
        } finally {
            if (Files.exists(aside)) {
                Files.move(aside, copy);
            }
            Files.write(copy, bytes);
        }
        JsonNode report = verify();
        assertFalse(report.path("altered").toString().contains(id), report.toString());
        assertFalse(report.path("missing").toString().contains(id), report.toString());
    }

    /** Archived by this drop, or already by another test that dropped the same scan. */
    private void awaitStored(String id) throws InterruptedException {
        RunningArchive.await(Duration.ofMinutes(3), id + " to be archived", () -> {
            try {
                return Set.of("ARCHIVED", "DUPLICATE").contains(
                        archive.getJson("/api/ingest/" + id).path("state").asText());
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    private JsonNode verify() throws Exception {
        HttpResponse<byte[]> response = archive.send(HttpRequest.newBuilder(URI.create(archive.url("/api/maintenance/verify")))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, response.statusCode());
        return Json.MAPPER.readTree(response.body());
    }

    private static PDImageXObject image(PDPage page) throws IOException {
        COSName name = page.getResources().getXObjectNames().iterator().next();
        return (PDImageXObject) page.getResources().getXObject(name);
    }

    private static List<String> tokens(String text) {
        return Arrays.stream(text.strip().split("\\s+")).filter(t -> !t.isEmpty()).toList();
    }

    /**
     * The scan with a few bytes after its end, which readers ignore: bytes of their own, so that
     * the corpus test archiving the same file later does not find it a duplicate.
     */
    private static byte[] uniqueCopy(byte[] scan) {
        byte[] tail = UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] copy = java.util.Arrays.copyOf(scan, scan.length + tail.length);
        System.arraycopy(tail, 0, copy, scan.length, tail.length);
        return copy;
    }
}
