package vn.sohoa.ocr;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Optional;

/**
 * The black bands a scanner leaves along a page's edges when its lid was open or the page smaller
 * than the glass. Tesseract takes such a band for a picture and the text beside it (a table's
 * column of row numbers) with it.
 */
final class ScannerEdges {

    /** Darker than this is the band's black, not paper. */
    private static final int DARK_BELOW = 100;
    /** A column or row of a band is at least this share dark. */
    private static final double DARK_SHARE = 0.8;
    /** A band is at most this share of the page's width or height. */
    private static final double WIDEST = 0.1;

    private ScannerEdges() {
    }

    /** The page inside its dark bands; empty when it has none. */
    static Optional<Rectangle> paper(BufferedImage grey) {
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int width = grey.getWidth();
        int height = grey.getHeight();
        int maxAcross = (int) (width * WIDEST);
        int maxDown = (int) (height * WIDEST);
        int left = 0;
        while (left < maxAcross && darkColumn(pixels, width, height, left)) {
            left++;
        }
        int right = width;
        while (width - right < maxAcross && darkColumn(pixels, width, height, right - 1)) {
            right--;
        }
        int top = 0;
        while (top < maxDown && darkRow(pixels, width, top)) {
            top++;
        }
        int bottom = height;
        while (height - bottom < maxDown && darkRow(pixels, width, bottom - 1)) {
            bottom--;
        }
        if (left == 0 && top == 0 && right == width && bottom == height) {
            return Optional.empty();
        }
        return Optional.of(new Rectangle(left, top, right - left, bottom - top));
    }

    /** A copy of the page with everything outside {@code paper} in the page's own paper shade. */
    static BufferedImage painted(BufferedImage grey, Rectangle paper) {
        byte[] source = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        byte shade = (byte) Images.median(Images.histogram(source), source.length);
        BufferedImage copy = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = ((DataBufferByte) copy.getRaster().getDataBuffer()).getData();
        int width = grey.getWidth();
        for (int y = 0; y < grey.getHeight(); y++) {
            for (int x = 0; x < width; x++) {
                target[y * width + x] = paper.contains(x, y) ? source[y * width + x] : shade;
            }
        }
        return copy;
    }

    private static boolean darkColumn(byte[] pixels, int width, int height, int x) {
        int dark = 0;
        for (int y = 0; y < height; y++) {
            if ((pixels[y * width + x] & 0xff) < DARK_BELOW) {
                dark++;
            }
        }
        return dark >= DARK_SHARE * height;
    }

    private static boolean darkRow(byte[] pixels, int width, int y) {
        int dark = 0;
        for (int x = 0; x < width; x++) {
            if ((pixels[y * width + x] & 0xff) < DARK_BELOW) {
                dark++;
            }
        }
        return dark >= DARK_SHARE * width;
    }
}
