package vn.sohoa.app.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Inputs the peers can read, prepared before they are timed: plain Tesseract cannot read a PDF, so
 * its pages are rendered to PNG at 300 dpi; OCRmyPDF reads PDFs, so images are wrapped in one.
 */
final class PeerInputs {

    private static final int RENDER_DPI = 300;

    private PeerInputs() {
    }

    /** Files Tesseract reads directly, one list per document, in page order. */
    static List<Path> forTesseract(Path original, Path work) throws IOException {
        if (!original.getFileName().toString().toLowerCase().endsWith(".pdf")) {
            return List.of(original);
        }
        List<Path> pages = new ArrayList<>();
        try (PDDocument pdf = Loader.loadPDF(original.toFile())) {
            PDFRenderer renderer = new PDFRenderer(pdf);
            for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                Path page = work.resolve(original.getFileName() + "-" + (i + 1) + ".png");
                ImageIO.write(renderer.renderImageWithDPI(i, RENDER_DPI, ImageType.GRAY), "png", page.toFile());
                pages.add(page);
            }
        }
        return pages;
    }

    /** A PDF of the document: the original when it is one, else its images at their resolution. */
    static Path forOcrmypdf(Path original, Path work) throws IOException {
        if (original.getFileName().toString().toLowerCase().endsWith(".pdf")) {
            return original;
        }
        Path pdfPath = work.resolve(original.getFileName() + ".pdf");
        try (PDDocument pdf = new PDDocument();
             var input = ImageIO.createImageInputStream(original.toFile())) {
            var reader = ImageIO.getImageReaders(input).next();
            reader.setInput(input);
            for (int i = 0; i < reader.getNumImages(true); i++) {
                BufferedImage image = reader.read(i);
                float dpi = dpi(image);
                PDPage page = new PDPage(new PDRectangle(image.getWidth() * 72f / dpi, image.getHeight() * 72f / dpi));
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.drawImage(LosslessFactory.createFromImage(pdf, image), 0, 0,
                            page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
                }
            }
            reader.dispose();
            pdf.save(pdfPath.toFile());
        }
        return pdfPath;
    }

    /** The resolution of an A4 page of this size (the phone photos declare 72 dpi, which is wrong). */
    private static float dpi(BufferedImage image) {
        return Math.max(image.getWidth(), image.getHeight()) / 11.69f;
    }

    static Path workDir() throws IOException {
        return Files.createTempDirectory("sohoa-bench-");
    }
}
