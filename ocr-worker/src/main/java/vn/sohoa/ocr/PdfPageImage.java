package vn.sohoa.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * A page image encoded as a PDF stores it compactly: JPEG for grey and colour, CCITT Group 4 for a
 * bilevel scan. Encoding needs no document, so the worker that read a page makes its PDF/A image,
 * and pages of one document are encoded on several threads or machines at once.
 *
 * @param encoding {@link #JPEG_GREY}, {@link #JPEG_RGB} or {@link #GROUP4}
 * @param dpi      the resolution, which gives the PDF page its size
 */
public record PdfPageImage(String encoding, int width, int height, int dpi, byte[] bytes) {

    public static final String JPEG_GREY = "jpeg-grey";
    public static final String JPEG_RGB = "jpeg-rgb";
    public static final String GROUP4 = "ccitt-g4";
    static final float JPEG_QUALITY = 0.75f;
    /** Grey levels below this become black when a bilevel scan is stored black and white again. */
    private static final int BLACK_BELOW = 128;

    /** The image OCR read, as its PDF/A page shows it. */
    public static PdfPageImage of(UprightImage read) throws IOException {
        return of(read.image(), read.dpi(), read.bilevel());
    }

    /** @param bilevel stored black and white (CCITT Group 4) rather than as a JPEG */
    public static PdfPageImage of(BufferedImage image, int dpi, boolean bilevel) throws IOException {
        if (bilevel) {
            return new PdfPageImage(GROUP4, image.getWidth(), image.getHeight(), dpi,
                    group4(image, new COSDictionary()));
        }
        String encoding = image.getColorModel().getNumComponents() == 1 ? JPEG_GREY : JPEG_RGB;
        return new PdfPageImage(encoding, image.getWidth(), image.getHeight(), dpi,
                ImageEncoding.write(image, "jpeg", JPEG_QUALITY));
    }

    /** The parameters a PDF reader needs to decode a Group 4 image, as the image's {@code /DecodeParms}. */
    public COSDictionary group4Parameters() {
        COSDictionary parameters = new COSDictionary();
        parameters.setInt(COSName.K, -1);
        parameters.setInt(COSName.COLUMNS, width);
        parameters.setInt(COSName.ROWS, height);
        return parameters;
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
