package vn.sohoa.app;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Scans made for a test: small pages, each with its own number and words printed on it and nothing
 * in a text layer, so that every page is OCRed and quick to read.
 */
final class ScannedPages {

    private static final PDRectangle PAGE = new PDRectangle(360, 200);

    private ScannedPages() {
    }

    /** The printed page {@code number}, as a 300 dpi grey scan. */
    static BufferedImage page(int number, String word) throws IOException {
        try (PDDocument printed = new PDDocument()) {
            PDPage page = new PDPage(PAGE);
            printed.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(printed, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 16);
                text.newLineAtOffset(24, 150);
                text.showText("CONG VAN SO " + number + " TRANG " + number);
                text.newLineAtOffset(0, -32);
                text.showText("MA " + word.toUpperCase() + " " + (number * 7919 % 10007));
                text.newLineAtOffset(0, -32);
                text.showText("LIEN DOAN LAO DONG TINH");
                text.endText();
            }
            return new PDFRenderer(printed).renderImageWithDPI(0, 300, ImageType.GRAY);
        }
    }

    /** A scanned PDF of {@code pages} pages; {@code title} makes the bytes (and so the document) differ. */
    static byte[] pdf(int pages, String word, String title) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            pdf.getDocumentInformation().setTitle(title);
            for (int n = 1; n <= pages; n++) {
                PDPage page = new PDPage(PAGE);
                pdf.addPage(page);
                PDImageXObject scan = JPEGFactory.createFromImage(pdf, page(n, word), 0.9f);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.drawImage(scan, 0, 0, PAGE.getWidth(), PAGE.getHeight());
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            pdf.save(bytes);
            return bytes.toByteArray();
        }
    }

    /** A PDF of the scans, one a page, each page the size of its scan at 300 dpi, each scan kept lossless. */
    static byte[] pdf(String title, List<BufferedImage> scans) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            pdf.getDocumentInformation().setTitle(title);
            for (BufferedImage scan : scans) {
                PDRectangle size = new PDRectangle(scan.getWidth() * 72f / 300, scan.getHeight() * 72f / 300);
                PDPage page = new PDPage(size);
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.drawImage(LosslessFactory.createFromImage(pdf, scan), 0, 0, size.getWidth(), size.getHeight());
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            pdf.save(bytes);
            return bytes.toByteArray();
        }
    }

    /** A multi-page TIFF of the images, one frame each. */
    static byte[] tiff(List<BufferedImage> frames) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
