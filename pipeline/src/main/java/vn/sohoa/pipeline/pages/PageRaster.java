package vn.sohoa.pipeline.pages;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import vn.sohoa.ocr.ImageEncoding;

/** The pixels of one page of a stored file, decoded alone (a long document is never read whole), and their JPEG. */
final class PageRaster {

    private static final float JPEG_QUALITY = 0.8f;

    private PageRaster() {
    }

    /**
     * The image a page of the two-layer PDF/A copy shows: exactly the pixels OCR read, so the word
     * boxes of the record lie on it unchanged.
     */
    static BufferedImage fromSearchablePdf(Path pdf, int page) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            PDPage pdfPage = document.getPage(page - 1);
            PDImageXObject largest = largestImage(pdfPage.getResources());
            if (largest != null) {
                return largest.getImage();
            }
            return new PDFRenderer(document).renderImageWithDPI(page - 1, 150, ImageType.GRAY);
        }
    }

    /** A page of a born-digital PDF, rendered at the resolution that gives it about this width. */
    static BufferedImage renderedPdfPage(Path pdf, int page, int width) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            float points = document.getPage(page - 1).getCropBox().getWidth();
            float dpi = Math.max(36, Math.min(300, width * 72f / Math.max(1, points)));
            return new PDFRenderer(document).renderImageWithDPI(page - 1, dpi, ImageType.RGB);
        }
    }

    /** A frame of an image file (a page of a multi-page TIFF), turned upright by the rotation OCR applied. */
    static BufferedImage imageFrame(Path file, int page, int rotation) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            if (input == null) {
                throw new IOException("cannot open " + file);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new IOException("no image reader for " + file);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, false, false);
                return turned(reader.read(page - 1), rotation);
            } finally {
                reader.dispose();
            }
        }
    }

    private static PDImageXObject largestImage(PDResources resources) throws IOException {
        if (resources == null) {
            return null;
        }
        PDImageXObject largest = null;
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject image
                    && (largest == null || (long) image.getWidth() * image.getHeight()
                    > (long) largest.getWidth() * largest.getHeight())) {
                largest = image;
            }
        }
        return largest;
    }

    private static BufferedImage turned(BufferedImage image, int degrees) {
        int quarter = Math.floorMod(degrees, 360) / 90;
        if (quarter == 0) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean sideways = quarter % 2 == 1;
        BufferedImage out = new BufferedImage(sideways ? h : w, sideways ? w : h, BufferedImage.TYPE_INT_RGB);
        AffineTransform turn = new AffineTransform();
        turn.translate(out.getWidth() / 2.0, out.getHeight() / 2.0);
        turn.quadrantRotate(quarter);
        turn.translate(-w / 2.0, -h / 2.0);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, turn, null);
        g.dispose();
        return out;
    }

    /**
     * The image scaled down to this width (never up), as JPEG. Halving steps before the last one
     * keep thin strokes from dropping out, as a single bilinear step over many pixels would.
     */
    static byte[] jpeg(BufferedImage image, int width) throws IOException {
        boolean grey = image.getColorModel().getNumComponents() == 1 || image.getType() == BufferedImage.TYPE_BYTE_BINARY;
        BufferedImage current = flattened(image, grey);
        int target = Math.min(width, current.getWidth());
        while (current.getWidth() > target) {
            int next = Math.max(target, current.getWidth() / 2);
            int height = Math.max(1, (int) Math.round((double) current.getHeight() * next / current.getWidth()));
            BufferedImage smaller = new BufferedImage(next, height, current.getType());
            Graphics2D g = smaller.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(current, 0, 0, next, height, null);
            g.dispose();
            current = smaller;
        }
        return ImageEncoding.write(current, "jpeg", JPEG_QUALITY);
    }

    /** Grey or RGB without alpha, one byte a channel: what the JPEG writer takes. */
    private static BufferedImage flattened(BufferedImage image, boolean grey) {
        int type = grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB;
        if (image.getType() == type) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
        g.dispose();
        return out;
    }
}
