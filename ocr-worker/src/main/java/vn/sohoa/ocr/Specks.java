package vn.sohoa.ocr;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.Arrays;

/**
 * Specks of ink too small to be any part of a letter: dust, and what a grey seal's grain leaves
 * after a threshold. Scattered over a block of text, they make Tesseract take the block for a
 * picture and skip a line it reads at once when they are gone (a signer's name under a faded seal).
 */
final class Specks {

    /**
     * A speck has fewer black pixels than a square this share of an inch wide: about 30 pixels at
     * 300 dpi, while the dot of "i" or a tone mark in 12-14 pt print has 60 and more.
     */
    private static final double SIDE_INCHES = 1.0 / 55;
    private static final int EIGHT_CONNECTED = 8;

    private Specks() {
    }

    /** The black and white {@code image} (0 ink, 255 paper) without its specks, at {@code dpi}. */
    static BufferedImage removed(BufferedImage image, int dpi) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] pixels = (byte[]) image.getRaster().getDataElements(0, 0, width, height, null);
        Pointer pix = Leptonica.LIB.pixCreate(width, height, 1);
        Pointer kept = null;
        try {
            int wordsPerLine = Leptonica.LIB.pixGetWpl(pix);
            IntBuffer data = words(pix, wordsPerLine, height);
            int[] line = new int[wordsPerLine];
            for (int y = 0; y < height; y++) {
                Arrays.fill(line, 0);
                for (int x = 0; x < width; x++) {
                    if (pixels[y * width + x] == 0) {
                        // Leptonica keeps the leftmost pixel in the highest bit of each 32-bit word.
                        line[x >>> 5] |= 1 << (31 - (x & 31));
                    }
                }
                data.put(y * wordsPerLine, line);
            }
            double side = SIDE_INCHES * dpi;
            kept = Leptonica.LIB.pixSelectByArea(pix, (float) (side * side), EIGHT_CONNECTED,
                    Leptonica.SELECT_IF_AT_LEAST, null);
            if (kept == null) {
                return image;
            }
            IntBuffer keptData = words(kept, wordsPerLine, height);
            for (int y = 0; y < height; y++) {
                keptData.get(y * wordsPerLine, line);
                for (int x = 0; x < width; x++) {
                    pixels[y * width + x] = (line[x >>> 5] & 1 << (31 - (x & 31))) != 0 ? 0 : (byte) 255;
                }
            }
        } finally {
            Leptonica.LIB.pixDestroy(new PointerByReference(pix));
            if (kept != null) {
                Leptonica.LIB.pixDestroy(new PointerByReference(kept));
            }
        }
        BufferedImage clean = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        clean.getRaster().setDataElements(0, 0, width, height, pixels);
        return clean;
    }

    private static IntBuffer words(Pointer pix, int wordsPerLine, int height) {
        return Leptonica.LIB.pixGetData(pix).getByteBuffer(0, 4L * wordsPerLine * height)
                .order(ByteOrder.nativeOrder()).asIntBuffer();
    }
}
