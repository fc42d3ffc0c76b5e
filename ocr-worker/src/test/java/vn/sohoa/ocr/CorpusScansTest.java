package vn.sohoa.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.document.Word;
import vn.sohoa.core.text.TextMetrics;

/** The corpus's scans read with real Tesseract and held against their ground truth ({@code truth.jsonl}). */
class CorpusScansTest {

    private static final Map<String, JsonNode> TRUTH = new HashMap<>();
    private static final int PAPER = 170;
    private static OcrPool pool;

    @BeforeAll
    static void startPool() throws IOException {
        for (String line : Files.readAllLines(CorpusScans.DIR.resolve("truth.jsonl"))) {
            JsonNode record = Json.MAPPER.readTree(line);
            TRUTH.put(record.path("file").asText(), record);
        }
        pool = VietnameseOcr.pool(2);
    }

    @AfterAll
    static void stopPool() throws InterruptedException {
        pool.close();
    }

    @Test
    void theSkewOfEveryUprightScanIsMeasuredAsScanned() throws IOException {
        for (String file : List.of("TTr 30-LĐLĐ.tif", "20160716_BC97.tiff", "giao chi tieu phat trien.png",
                "Công văn số 121 đôn đốc thu nộp kinh.tif", "DOC00364.TIF", "Tham du lop tap huan.png", "DOC00387.TIF")) {
            JsonNode pages = TRUTH.get(file).path("pages");
            for (int i = 0; i < pages.size(); i++) {
                if (pages.get(i).path("orientation_deg").asInt() != 0) {
                    continue;
                }
                // The truth gives the angle the page was turned by; the measure, the angle to turn it back by.
                double expected = -pages.get(i).path("skew_deg").asDouble();
                double measured = Skew.of(TesseractEngine.downscaled(Images.grey(CorpusScans.frame(file, i)))).degrees();
                if (Math.abs(expected) < 0.25) {
                    assertTrue(Math.abs(measured) <= 0.25, file + " p." + (i + 1) + ": " + measured);
                } else {
                    assertEquals(expected, measured, 0.1, file + " p." + (i + 1));
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"TTr 30-LĐLĐ.tif, 0", "20160716_BC97.tiff, 1", "giao chi tieu phat trien.png, 0"})
    void aTurnedOrSkewedScanIsReadUprightAndStraight(String file, int index) throws Exception {
        JsonNode truth = TRUTH.get(file).path("pages").get(index);
        PageText page = read(file, index);
        assertEquals((360 - truth.path("orientation_deg").asInt()) % 360, page.rotation(), file + " turned upright");
        BufferedImage upright = page.image().image();
        assertEquals(0, Skew.of(TesseractEngine.downscaled(upright)).degrees(), 0.25, file + " deskewed");
        assertReadClose(file, index, page);
    }

    @ParameterizedTest
    @CsvSource({"DOC00364.TIF, 1, 90", "DOC00364.TIF, 1, 270", "Công văn số 121 đôn đốc thu nộp kinh.tif, 1, 90"})
    void aLastPageScannedSidewaysIsReadUpright(String file, int index, int degrees) throws Exception {
        // A few lines and no header: Leptonica cannot tell which way they run, and Tesseract reads them
        // as vertical text, every word right and confident, in the wrong order.
        BufferedImage sideways = Images.rotateClockwise(Images.grey(CorpusScans.frame(file, index)), degrees);
        PageText page = pool.read(new PageImage(index + 1, sideways, dpi(file, index))).get();
        assertEquals((360 - degrees) % 360, page.rotation(), file + " turned upright");
        assertReadClose(file, index, page);
    }

    @Test
    void anUpsideDownPageInBlackAndWhiteIsReadUpright() throws Exception {
        // Tesseract's orientation detection takes this page for upright; Leptonica does not.
        BufferedImage blackAndWhite = cheapBlackAndWhite(CorpusScans.frame("20160716_BC97.tiff", 1));
        PageText page = pool.read(new PageImage(2, blackAndWhite, 200)).get();
        assertEquals(180, page.rotation());
        // Thresholded this coarsely, thin strokes and tone marks break: the bound for any page.
        assertReadWithin("20160716_BC97.tiff", 1, page, 0.2);
    }

    @Test
    void aShortPageOnYellowedPaperIsRead() throws Exception {
        BufferedImage scan = rendered("Scan2016-09-13_163616.pdf", 1);
        // Ink faded to half its strength on paper gone yellow: the paper's grey is about 220, not white.
        BufferedImage yellowed = new BufferedImage(scan.getWidth(), scan.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < scan.getHeight(); y++) {
            for (int x = 0; x < scan.getWidth(); x++) {
                double ink = (255 - scan.getRaster().getSample(x, y, 0)) / 255.0 * 0.45;
                yellowed.setRGB(x, y, new Color((int) (235 * (1 - ink)), (int) (222 * (1 - ink)), (int) (180 * (1 - ink))).getRGB());
            }
        }
        // Deskewing grows the canvas; white corners, brighter than such paper, made Tesseract's
        // threshold fall between the paper's shades, and the page was read as empty.
        assertReadClose("Scan2016-09-13_163616.pdf", 1, pool.read(new PageImage(2, yellowed, 300)).get());
    }

    @Test
    void aRuledTableInBlackAndWhiteIsReadWithoutItsRules() throws Exception {
        // The table's thin rules break into dashes, which Tesseract read as lines of "T", "—" and "[E"
        // (21 % of the page's characters wrong) where it takes a whole rule away.
        BufferedImage blackAndWhite = cheapBlackAndWhite(rendered("Scan2016-09-13_163616.pdf", 2));
        assertReadClose("Scan2016-09-13_163616.pdf", 2, pool.read(new PageImage(3, blackAndWhite, 200)).get());
    }

    @Test
    void aScanWithTheLidOpenKeepsTheTextBesideItsBlackEdges() throws Exception {
        BufferedImage scan = rendered("20240528082601.pdf", 1);
        Graphics2D g = scan.createGraphics();
        g.setColor(new Color(20, 20, 20));
        g.fillRect(0, 0, scan.getWidth() * 4 / 100, scan.getHeight());
        g.fillRect(0, 0, scan.getWidth(), scan.getHeight() * 2 / 100);
        g.fillRect(scan.getWidth() * 98 / 100, 0, scan.getWidth(), scan.getHeight());
        g.fillRect(0, scan.getHeight() * 98 / 100, scan.getWidth(), scan.getHeight());
        g.dispose();
        // Tesseract took the black band for a picture and the table's column of row numbers beside it
        // with it (10.8 % of the characters wrong).
        assertReadClose("20240528082601.pdf", 1, pool.read(new PageImage(2, scan, 300)).get());
    }

    @Test
    void aScanAt600DpiIsReadAt300() throws Exception {
        BufferedImage scan = CorpusScans.frame("giao chi tieu phat trien.png", 0);
        BufferedImage fine = Images.shrink(Images.grey(scan), 2);
        PageText page = pool.read(new PageImage(1, fine, 600)).get();
        assertEquals(300, page.image().dpi());
        int width = page.image().image().getWidth();
        // Its 2.3 degrees of skew are turned out on a canvas grown by about 6 %.
        assertTrue(width >= scan.getWidth() && width < scan.getWidth() * 1.1, "read at 300 dpi, " + width + " pixels wide");
        assertReadClose("giao chi tieu phat trien.png", 0, page);
    }

    @ParameterizedTest
    @CsvSource({"DOC00364.TIF, 0", "giao chi tieu phat trien.png, 0", "20160716_BC97.tiff, 0"})
    void theHeaderIsReadLeftBlockThenRightBlock(String file, int index) throws Exception {
        // Tesseract's own order interleaves the two blocks line by line: issuer, motto, issuer, motto.
        List<String> expected = TRUTH.get(file).path("pages").get(index).path("text").asText().lines().limit(6).toList();
        List<String> read = read(file, index).text().lines().toList();
        int at = -1;
        for (String line : expected) {
            int found = -1;
            for (int i = at + 1; i < read.size() && found < 0; i++) {
                if (similarity(line, read.get(i)) >= 0.8) {
                    found = i;
                }
            }
            assertTrue(found > at, file + ": \"" + line + "\" not read after line " + at + " in\n" + String.join("\n", read));
            at = found;
        }
    }

    @Test
    void wordBoxesLieOnTheInkOfTheUprightPage() throws Exception {
        PageText page = read("giao chi tieu phat trien.png", 0);
        BufferedImage upright = page.image().image();
        assertEquals(upright.getWidth(), page.width());
        assertEquals(upright.getHeight(), page.height());
        int checked = 0;
        for (Word word : page.words()) {
            assertTrue(word.x() >= 0 && word.y() >= 0 && word.x() + word.width() <= page.width()
                    && word.y() + word.height() <= page.height(), "inside the page: " + word);
            if (word.confidence() >= 90 && word.text().codePoints().filter(Character::isLetter).count() >= 3) {
                assertTrue(inkShare(upright, word) > 0.08, "ink under " + word);
                checked++;
            }
        }
        assertTrue(checked > 100, "confident words checked: " + checked);
        Word motto = page.words().stream().filter(w -> w.text().equals("CỘNG")).findFirst().orElseThrow();
        Word number = page.words().stream().filter(w -> w.text().startsWith("104/QĐ")).findFirst().orElseThrow();
        assertTrue(number.x() + number.width() < page.width() / 2 && number.y() < page.height() / 6,
                "the number top left: " + number);
        assertTrue(motto.x() > number.x() + number.width() && motto.y() < number.y(), "the motto top right: " + motto);
    }

    /** A 300 dpi scan as a cheap scanner's black and white at 200 dpi gives it: averaged, then cut at a fixed grey. */
    private static BufferedImage cheapBlackAndWhite(BufferedImage scan) {
        BufferedImage grey = new BufferedImage(scan.getWidth() * 2 / 3, scan.getHeight() * 2 / 3, BufferedImage.TYPE_BYTE_GRAY);
        grey.createGraphics().drawImage(scan.getScaledInstance(grey.getWidth(), grey.getHeight(), Image.SCALE_AREA_AVERAGING),
                0, 0, null);
        BufferedImage blackAndWhite = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < grey.getHeight(); y++) {
            for (int x = 0; x < grey.getWidth(); x++) {
                blackAndWhite.getRaster().setSample(x, y, 0, grey.getRaster().getSample(x, y, 0) < 150 ? 0 : 1);
            }
        }
        return blackAndWhite;
    }

    /** A page of a scanned corpus PDF, rendered in grey at 300 dpi, counted from 0. */
    private static BufferedImage rendered(String pdfFile, int index) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(CorpusScans.DIR.resolve(pdfFile).toFile())) {
            return Images.grey(new PDFRenderer(pdf).renderImageWithDPI(index, 300, ImageType.GRAY));
        }
    }

    private static PageText read(String file, int index) throws Exception {
        return pool.read(new PageImage(index + 1, CorpusScans.frame(file, index), dpi(file, index))).get();
    }

    private static int dpi(String file, int index) {
        return TRUTH.get(file).path("pages").get(index).path("dpi").asInt();
    }

    /** Fewer than 5 % of the page's characters read wrong. */
    private static void assertReadClose(String file, int index, PageText page) {
        assertReadWithin(file, index, page, 0.05);
    }

    private static void assertReadWithin(String file, int index, PageText page, double characterErrorRate) {
        String expected = TRUTH.get(file).path("pages").get(index).path("text").asText();
        double errors = (double) TextMetrics.distance(expected, page.text()) / TextMetrics.normalise(expected).length();
        assertTrue(errors < characterErrorRate, file + " p." + (index + 1) + " character error rate " + errors + ":\n" + page.text());
    }

    private static double inkShare(BufferedImage grey, Word word) {
        int dark = 0;
        for (int y = word.y(); y < word.y() + word.height(); y++) {
            for (int x = word.x(); x < word.x() + word.width(); x++) {
                // Ink, or a stamp's red (lighter in grey than black print), against white paper.
                if (grey.getRaster().getSample(x, y, 0) < PAPER) {
                    dark++;
                }
            }
        }
        return (double) dark / Math.max(1, word.width() * word.height());
    }

    private static double similarity(String a, String b) {
        int longer = Math.max(TextMetrics.normalise(a).length(), TextMetrics.normalise(b).length());
        return 1 - (double) TextMetrics.distance(a, b) / Math.max(1, longer);
    }
}
