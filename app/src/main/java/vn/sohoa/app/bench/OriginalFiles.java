package vn.sohoa.app.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * Born-digital originals holding a record's text, page by page: a Word document (a page break
 * between pages) or a PDF with a text layer (Liberation Sans, from inside PDFBox, embedded as a subset).
 */
final class OriginalFiles {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String PDF = "application/pdf";

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float FONT_SIZE = 10;
    private static final float LEADING = 14;
    private static final float MARGIN = 56;
    /** A parsed font per thread: subsetting reads the font's tables, which is not safe across threads. */
    private static final ThreadLocal<TrueTypeFont> FONTS = ThreadLocal.withInitial(OriginalFiles::parseFont);

    private OriginalFiles() {
    }

    static byte[] docx(List<String> pages) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int p = 0; p < pages.size(); p++) {
                String[] lines = pages.get(p).split("\n");
                for (int l = 0; l < lines.length; l++) {
                    XWPFRun run = document.createParagraph().createRun();
                    run.setText(lines[l]);
                    if (l == lines.length - 1 && p < pages.size() - 1) {
                        run.addBreak(BreakType.PAGE);
                    }
                }
            }
            document.write(out);
            return out.toByteArray();
        }
    }

    static byte[] pdf(List<String> pages) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(document, FONTS.get(), true);
            for (String text : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, FONT_SIZE);
                    content.setLeading(LEADING);
                    content.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN);
                    for (String line : text.split("\n")) {
                        content.showText(line.replaceAll("\\p{Cntrl}", " "));
                        content.newLine();
                    }
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static TrueTypeFont parseFont() {
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            font.setEnableGsub(false);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
