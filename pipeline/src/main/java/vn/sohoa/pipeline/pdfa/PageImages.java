package vn.sohoa.pipeline.pdfa;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * Page images encoded as a PDF stores them compactly: JPEG for grey and colour, CCITT Group 4 for a
 * bilevel scan. Encoding needs no document, so pages of one document are encoded on several
 * threads at once.
 */
final class PageImages {

    static final float JPEG_QUALITY = 0.75f;
    /** Grey levels below this become black when a bilevel scan is stored black and white again. */
    private static final int BLACK_BELOW = 128;

    private PageImages() {
    }

    static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam quality = writer.getDefaultWriteParam();
            quality.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            quality.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), quality);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * The grey image as CCITT Group 4 data: a bilevel scan that was turned, deskewed or scaled up for
     * OCR has grey edges again, which this sets back to black or white.
     *
     * @param decodeParameters the parameters a reader needs to decode it, as the image's {@code /DecodeParms}
     */
    static byte[] group4(BufferedImage grey, COSDictionary decodeParameters) throws IOException {
        decodeParameters.setInt(COSName.K, -1);
        decodeParameters.setInt(COSName.COLUMNS, grey.getWidth());
        decodeParameters.setInt(COSName.ROWS, grey.getHeight());
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        FilterFactory.INSTANCE.getFilter(COSName.CCITTFAX_DECODE)
                .encode(new ByteArrayInputStream(blackBits(grey)), encoded, decodeParameters, 0);
        return encoded.toByteArray();
    }

    /** One bit per pixel, rows padded to whole bytes, 1 for black: what the Group 4 encoder reads. */
    private static byte[] blackBits(BufferedImage grey) {
        int width = grey.getWidth();
        int height = grey.getHeight();
        int rowBytes = (width + 7) / 8;
        byte[] bits = new byte[rowBytes * height];
        Raster raster = grey.getRaster();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, row);
            int offset = y * rowBytes;
            for (int x = 0; x < width; x++) {
                if (row[x] < BLACK_BELOW) {
                    bits[offset + (x >> 3)] |= (byte) (0x80 >>> (x & 7));
                }
            }
        }
        return bits;
    }
}
