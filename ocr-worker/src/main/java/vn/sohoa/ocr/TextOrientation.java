package vn.sohoa.ocr;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.FloatByReference;
import com.sun.jna.ptr.PointerByReference;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.Arrays;

/**
 * A quick look at which way a page's text stands, before it is read: Leptonica's orientation
 * detection counts ascenders against descenders of the letters in a black and white copy, in a few
 * milliseconds. A page it finds upright is read as it stands; for the others Tesseract's
 * orientation detection has the first word, and the two are both tried where they disagree.
 */
final class TextOrientation {

    /**
     * Leptonica's confidence that the text stands otherwise than upright. Upright scans of the corpus
     * score at most 3.3 for sideways and -1.7 for upside down; its sideways page scores 12, its
     * upside-down page 7.5.
     */
    private static final float TURNED = 5;

    private TextOrientation() {
    }

    /**
     * Degrees to turn the page (a grey copy of about 150 dpi) clockwise so that its text stands
     * upright, by Leptonica's count; 0 when it looks upright or Leptonica is unsure.
     */
    static int rotationToUpright(BufferedImage grey) {
        Pointer pix = blackAndWhite(grey);
        try {
            FloatByReference up = new FloatByReference();
            FloatByReference left = new FloatByReference();
            if (Leptonica.LIB.pixOrientDetect(pix, up, left, 0, 0) != 0) {
                return 0;
            }
            float upright = up.getValue();
            float sideways = left.getValue();
            if (Math.abs(sideways) >= TURNED && Math.abs(sideways) > Math.abs(upright)) {
                // Leptonica's "left" is positive for text turned counter-clockwise.
                return sideways > 0 ? 90 : 270;
            }
            return upright <= -TURNED && -upright > Math.abs(sideways) ? 180 : 0;
        } finally {
            Leptonica.LIB.pixDestroy(new PointerByReference(pix));
        }
    }

    /** The page's ink (darker than Otsu's threshold) as a one-bit Leptonica image: 1 is black. */
    private static Pointer blackAndWhite(BufferedImage grey) {
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int width = grey.getWidth();
        int height = grey.getHeight();
        int[] histogram = Images.histogram(pixels);
        int threshold = Images.otsu(histogram, pixels.length);
        Pointer pix = Leptonica.LIB.pixCreate(width, height, 1);
        int wordsPerLine = Leptonica.LIB.pixGetWpl(pix);
        IntBuffer data = Leptonica.LIB.pixGetData(pix).getByteBuffer(0, 4L * wordsPerLine * height)
                .order(ByteOrder.nativeOrder()).asIntBuffer();
        int[] line = new int[wordsPerLine];
        for (int y = 0; y < height; y++) {
            Arrays.fill(line, 0);
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if ((pixels[row + x] & 0xff) < threshold) {
                    // Leptonica keeps the leftmost pixel in the highest bit of each 32-bit word.
                    line[x >>> 5] |= 1 << (31 - (x & 31));
                }
            }
            data.put(y * wordsPerLine, line);
        }
        return pix;
    }
}
