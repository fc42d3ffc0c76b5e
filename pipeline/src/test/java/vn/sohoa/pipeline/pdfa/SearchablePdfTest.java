package vn.sohoa.pipeline.pdfa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import vn.sohoa.core.document.Word;

class SearchablePdfTest {

    private static final int DPI = 300;
    private static final float POINTS_PER_PIXEL = 72f / DPI;
    private static final String[] LINES = {
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH PHƯỚC",
        "Về việc tổ chức Tháng Công nhân năm 2024",
        "Kính gửi: Ban Chấp hành Công đoàn cơ sở trực thuộc.",
        "Ưu tiên hỗ trợ đoàn viên khó khăn, quỹ phúc lợi.",
    };

    @TempDir
    Path temp;

    @Test
    void aScannedPageBecomesAValidPdfaWhoseInvisibleWordsLieOverThePrintedOnes() throws Exception {
        RenderedPage page = RenderedPage.of(LINES);
        Path pdf;
        try (SearchablePdf searchable = new SearchablePdf(temp)) {
            searchable.addPage(1, page.image(), DPI, false, page.words());
            pdf = Files.copy(searchable.save("Kế hoạch 59/KH-LĐLĐ"), temp.resolve("copy.pdf"));
        }

        PdfaValidation.Result validation = PdfaValidation.validate(pdf);
        assertEquals(PDFAFlavour.PDFA_2_B, validation.flavour());
        assertTrue(validation.compliant(), validation.failures().toString());

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDPage first = document.getPage(0);
            assertEquals(page.image().getWidth() * POINTS_PER_PIXEL, first.getMediaBox().getWidth(), 0.01);
            assertEquals(page.image().getHeight() * POINTS_PER_PIXEL, first.getMediaBox().getHeight(), 0.01);
            PDFont font = first.getResources().getFont(first.getResources().getFontNames().iterator().next());
            assertTrue(font.isEmbedded(), "the font is embedded");
            assertTrue(font.getCOSObject().containsKey(COSName.TO_UNICODE), "the font maps its glyphs to Unicode");
            assertEquals("Kế hoạch 59/KH-LĐLĐ", document.getDocumentInformation().getTitle());

            String text = new PDFTextStripper().getText(document);
            for (String line : LINES) {
                assertTrue(oneSpaced(text).contains(line), "extracted: " + text);
            }

            List<List<TextPosition>> extracted = WordPositions.of(document);
            assertEquals(page.words().size(), extracted.size(), "one extracted word per OCR word");
            for (int i = 0; i < extracted.size(); i++) {
                assertLiesOver(page.words().get(i), extracted.get(i));
            }
        }
    }

    @Test
    void twoPrintedRowsThatOcrReadAsOneLineKeepTheirOwnBaselines() throws Exception {
        RenderedPage page = RenderedPage.of("- Như kính gửi;", "- LĐLĐ tỉnh (b/c);", "- Lưu: VT.");
        List<Word> oneLine = page.words().stream()
                .map(w -> new Word(w.text(), w.x(), w.y(), w.width(), w.height(), w.confidence(), 0))
                .toList();
        Path pdf;
        try (SearchablePdf searchable = new SearchablePdf(temp)) {
            searchable.addPage(1, page.image(), DPI, false, oneLine);
            pdf = Files.copy(searchable.save("Nơi nhận"), temp.resolve("copy.pdf"));
        }
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<List<TextPosition>> extracted = WordPositions.of(document);
            assertEquals(oneLine.size(), extracted.size(), "every dash is kept");
            for (int i = 0; i < extracted.size(); i++) {
                assertLiesOver(oneLine.get(i), extracted.get(i));
            }
        }
    }

    @Test
    void pagesComeInTheirOrderWhateverOrderOcrFinishesThem() throws Exception {
        Path pdf;
        try (SearchablePdf searchable = new SearchablePdf(temp)) {
            for (int number : new int[] {3, 1, 2}) {
                RenderedPage page = RenderedPage.of("Trang số " + number + " của biên bản họp");
                searchable.addPage(number, page.image(), DPI, false, page.words());
            }
            pdf = Files.copy(searchable.save("Biên bản"), temp.resolve("copy.pdf"));
        }
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertEquals(3, document.getNumberOfPages());
            PDFTextStripper stripper = new PDFTextStripper();
            for (int number = 1; number <= 3; number++) {
                stripper.setStartPage(number);
                stripper.setEndPage(number);
                assertEquals("Trang số " + number + " của biên bản họp", stripper.getText(document).strip());
            }
        }
    }

    @Test
    void aBilevelScanIsStoredBlackAndWhiteAndAPageWithoutOcrAsAnImageOnly() throws Exception {
        RenderedPage page = RenderedPage.of(LINES);
        BufferedImage colour = new BufferedImage(1654, 2339, BufferedImage.TYPE_INT_RGB);
        Path pdf;
        try (SearchablePdf searchable = new SearchablePdf(temp)) {
            searchable.addPage(1, page.image(), DPI, true, page.words());
            searchable.addImagePage(2, colour, 200);
            pdf = Files.copy(searchable.save("Công văn"), temp.resolve("copy.pdf"));
        }
        PdfaValidation.Result validation = PdfaValidation.validate(pdf);
        assertTrue(validation.compliant(), validation.failures().toString());
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDImageXObject bilevel = image(document.getPage(0));
            assertEquals(COSName.CCITTFAX_DECODE, bilevel.getCOSObject().getFilters());
            assertEquals(1, bilevel.getBitsPerComponent());
            assertSameInk(page.image(), bilevel.getImage());
            PDImageXObject rendered = image(document.getPage(1));
            assertEquals(COSName.DCT_DECODE, rendered.getCOSObject().getFilters());
            assertEquals(3, rendered.getColorSpace().getNumberOfComponents());
            assertEquals(1654 * 72f / 200, document.getPage(1).getMediaBox().getWidth(), 0.01);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            assertEquals("", stripper.getText(document).strip());
        }
    }

    @Test
    void theValidatorTellsACopyWithoutItsOutputIntent() throws Exception {
        RenderedPage page = RenderedPage.of(LINES[0]);
        Path pdf = temp.resolve("without-intent.pdf");
        try (SearchablePdf searchable = new SearchablePdf(temp)) {
            searchable.addPage(1, page.image(), DPI, false, page.words());
            try (PDDocument document = Loader.loadPDF(searchable.save("Thông báo").toFile())) {
                document.getDocumentCatalog().getCOSObject().removeItem(COSName.OUTPUT_INTENTS);
                document.save(pdf.toFile());
            }
        }
        PdfaValidation.Result validation = PdfaValidation.validate(pdf);
        assertEquals(PDFAFlavour.PDFA_2_B, validation.flavour());
        assertFalse(validation.compliant(), "a grey image without an output intent is not PDF/A");
    }

    /** Every pixel of the stored image is black where the page is dark and white where it is light. */
    private static void assertSameInk(BufferedImage grey, BufferedImage stored) {
        assertEquals(grey.getWidth(), stored.getWidth());
        int differing = 0;
        int black = 0;
        for (int y = 0; y < grey.getHeight(); y++) {
            for (int x = 0; x < grey.getWidth(); x++) {
                boolean dark = grey.getRaster().getSample(x, y, 0) < 128;
                black += dark ? 1 : 0;
                differing += dark != ((stored.getRGB(x, y) & 0xff) < 128) ? 1 : 0;
            }
        }
        assertTrue(black > 10_000, "the page has ink");
        assertEquals(0, differing, "pixels that changed colour");
    }

    private static PDImageXObject image(PDPage page) throws IOException {
        COSName name = page.getResources().getXObjectNames().iterator().next();
        return (PDImageXObject) page.getResources().getXObject(name);
    }

    /**
     * The extracted word starts and ends where the printed word does, and the height a reader
     * highlights (the font's ascent to descent around the baseline) covers it.
     */
    private static void assertLiesOver(Word word, List<TextPosition> glyphs) {
        String text = glyphs.stream().map(TextPosition::getUnicode).reduce("", String::concat);
        assertEquals(word.text(), text);
        TextPosition first = glyphs.get(0);
        TextPosition last = glyphs.get(glyphs.size() - 1);
        float left = word.x() * POINTS_PER_PIXEL;
        float right = (word.x() + word.width()) * POINTS_PER_PIXEL;
        float middle = (word.y() + word.height() / 2f) * POINTS_PER_PIXEL;
        assertEquals(left, first.getXDirAdj(), 0.5, word.text() + " starts where it is printed");
        assertEquals(right, last.getXDirAdj() + last.getWidthDirAdj(), 0.5, word.text() + " ends where it is printed");
        float size = first.getFontSizeInPt();
        float highlightTop = first.getYDirAdj() - first.getFont().getFontDescriptor().getAscent() / 1000 * size;
        float highlightBottom = first.getYDirAdj() - first.getFont().getFontDescriptor().getDescent() / 1000 * size;
        assertTrue(middle > highlightTop && middle < highlightBottom,
                word.text() + ": middle " + middle + " highlighted from " + highlightTop + " to " + highlightBottom);
    }

    private static String oneSpaced(String text) {
        return text.replaceAll("[ \\t]+", " ");
    }

    /** The words of a page with the positions of their glyphs, as PDFBox extracts them. */
    private static final class WordPositions extends PDFTextStripper {

        private final List<List<TextPosition>> words = new ArrayList<>();

        static List<List<TextPosition>> of(PDDocument document) throws IOException {
            WordPositions stripper = new WordPositions();
            stripper.getText(document);
            return stripper.words;
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            List<TextPosition> word = new ArrayList<>();
            for (TextPosition position : positions) {
                if (position.getUnicode().isBlank()) {
                    if (!word.isEmpty()) {
                        words.add(word);
                        word = new ArrayList<>();
                    }
                } else {
                    word.add(position);
                }
            }
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
    }

    /** A grey A4 page at 300 dpi with printed lines, and the ink box of every word, as OCR would give them. */
    record RenderedPage(BufferedImage image, List<Word> words) {

        static RenderedPage of(String... lines) {
            BufferedImage image = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Font font = new Font("DejaVu Serif", Font.PLAIN, 50);
            g.setFont(font);
            FontRenderContext context = g.getFontRenderContext();
            float space = (float) font.getStringBounds(" ", context).getWidth();
            List<Word> words = new ArrayList<>();
            for (int line = 0; line < lines.length; line++) {
                float x = 200;
                int baseline = 400 + line * 90;
                for (String text : lines[line].split(" ")) {
                    Rectangle ink = font.createGlyphVector(context, text).getPixelBounds(context, x, baseline);
                    g.drawString(text, x, baseline);
                    words.add(new Word(text, ink.x, ink.y, ink.width, ink.height, 95f, line));
                    x += (float) font.getStringBounds(text, context).getWidth() + space;
                }
            }
            g.dispose();
            return new RenderedPage(image, words);
        }
    }
}
