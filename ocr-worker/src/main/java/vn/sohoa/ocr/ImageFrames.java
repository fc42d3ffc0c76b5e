package vn.sohoa.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.NodeList;

/**
 * The pages of an image file (every frame of a multi-page TIFF), read one at a time so that a long
 * scan never sits in memory whole, each with the resolution it was scanned at.
 */
public final class ImageFrames implements AutoCloseable {

    /** A4's long side in inches: the resolution of a page whose file does not say it. */
    private static final double A4_LONG_SIDE_INCHES = 11.69;

    private final ImageInputStream input;
    private final ImageReader reader;
    private final List<String> warnings = new ArrayList<>();

    private ImageFrames(ImageInputStream input, ImageReader reader) {
        this.input = input;
        this.reader = reader;
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    }

    public static ImageFrames open(Path file) throws IOException {
        ImageInputStream input = ImageIO.createImageInputStream(file.toFile());
        if (input == null) {
            throw new IOException("cannot open " + file);
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        if (!readers.hasNext()) {
            input.close();
            throw new IOException("no image reader for this content");
        }
        ImageReader reader = readers.next();
        reader.setInput(input, false, false);
        return new ImageFrames(input, reader);
    }

    public int count() throws IOException {
        return reader.getNumImages(true);
    }

    public int width(int index) throws IOException {
        return reader.getWidth(index);
    }

    public int height(int index) throws IOException {
        return reader.getHeight(index);
    }

    /** The frame's size as its header declares it, read before any pixel is decoded. */
    public long pixels(int index) throws IOException {
        return (long) reader.getWidth(index) * reader.getHeight(index);
    }

    /**
     * The frame's pixels. A frame whose data stops before its end is refused: the reader would fill
     * the rest with grey and the page would be archived half blank.
     */
    public BufferedImage read(int index) throws IOException {
        warnings.clear();
        BufferedImage image = reader.read(index);
        for (String warning : warnings) {
            String lower = warning.toLowerCase(Locale.ROOT);
            if (lower.contains("premature end") || lower.contains("truncat")) {
                throw new IOException("the image data ends early: " + warning);
            }
        }
        return image;
    }

    /** The frame's resolution from its metadata, or estimated from its size as an A4 page when absent or implausible. */
    public int dpi(int index, BufferedImage image) {
        int declared = declaredDpi(index);
        if (declared >= 100 && declared <= 1200) {
            return declared;
        }
        return (int) Math.round(Math.max(image.getWidth(), image.getHeight()) / A4_LONG_SIDE_INCHES);
    }

    private int declaredDpi(int index) {
        try {
            IIOMetadata metadata = reader.getImageMetadata(index);
            if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
                return 0;
            }
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
            NodeList sizes = root.getElementsByTagName("HorizontalPixelSize");
            if (sizes.getLength() == 0) {
                return 0;
            }
            double millimetresPerPixel = Double.parseDouble(((IIOMetadataNode) sizes.item(0)).getAttribute("value"));
            return millimetresPerPixel > 0 ? (int) Math.round(25.4 / millimetresPerPixel) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void close() throws IOException {
        reader.dispose();
        input.close();
    }
}
