package vn.sohoa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.sohoa.core.document.DocumentRecord;
import vn.sohoa.core.storage.ObjectStore;

/**
 * A long scanned PDF is read page by page in a bounded heap, with its progress visible while it is
 * read. CI runs it on {@code sohoa.it.large-pages} pages (40); the full 1,000-page proof is the same
 * test with {@code -Dsohoa.it.large-pages=1000} (see the README's reliability section).
 */
@ExtendWith(RunningArchive.Extension.class)
class LargeDocumentIT {

    private static final int PAGES = Integer.getInteger("sohoa.it.large-pages", 40);
    private static final String HEAP = "384m";

    private final RunningArchive archive = RunningArchive.get();

    @Test
    void aLongScannedPdfIsReadPageByPageInABoundedHeapWithProgress() throws Exception {
        try (SohoaProcess sohoa = SohoaProcess.create(archive.sohoa().settings(), HEAP)) {
            Path pdf = sohoa.data().resolveSibling("dai " + PAGES + " trang.pdf");
            writeScannedPdf(pdf, PAGES);
            String id = RunningArchive.sha256(Files.readAllBytes(pdf));
            sohoa.start();
            Files.move(pdf, sohoa.inbox().resolve(pdf.getFileName()));

            Set<Integer> progress = new TreeSet<>();
            long started = System.nanoTime();
            RunningArchive.await(Duration.ofMinutes(5 + PAGES / 10), "the long PDF to be archived\n" + sohoa.logTail(), () -> {
                try {
                    JsonNode status = sohoa.getJson("/api/ingest/" + id);
                    if (status.path("pagesDone").isInt()) {
                        progress.add(status.path("pagesDone").asInt());
                    }
                    return "ARCHIVED".equals(status.path("state").asText());
                } catch (Exception e) {
                    return false;
                }
            });
            double seconds = (System.nanoTime() - started) / 1e9;

            DocumentRecord record = ObjectStore.connect(archive.sohoa().settings()).findRecord(id).orElseThrow();
            assertEquals(PAGES, record.pageCount());
            String first = record.pages().get(0).text();
            assertTrue(first.length() > 200, "the page was read: " + first);
            assertTrue(record.pages().stream().allMatch(p -> p.text().equals(first)),
                    "every page, the same scan, was read alike");
            assertTrue(progress.stream().filter(p -> p > 0 && p < PAGES).count() >= 3,
                    "progress was visible page by page while the document was read: " + progress);
            System.out.printf("Large scanned PDF: %d pages in %.0f s (%.1f pages/min), heap %s, live heap at most %d MB%n",
                    PAGES, seconds, PAGES * 60 / seconds, HEAP, sohoa.liveHeapMegabytes());
        }
    }

    /** A scanned PDF: the same page image (stored once) on every page, as a scanner's grey JPEG. */
    static void writeScannedPdf(Path target, int pages) throws Exception {
        BufferedImage scan = ImageIO.read(RunningArchive.corpus().resolve("Tham du lop tap huan.png").toFile());
        BufferedImage grey = new BufferedImage(scan.getWidth(), scan.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.drawImage(scan, 0, 0, null);
        g.dispose();
        try (PDDocument pdf = new PDDocument()) {
            PDImageXObject image = JPEGFactory.createFromImage(pdf, grey, 0.85f);
            PDRectangle a4 = PDRectangle.A4;
            float scale = Math.min(a4.getWidth() / image.getWidth(), a4.getHeight() / image.getHeight());
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(a4);
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.drawImage(image, 0, a4.getHeight() - image.getHeight() * scale,
                            image.getWidth() * scale, image.getHeight() * scale);
                }
            }
            pdf.save(target.toFile());
        }
    }
}
