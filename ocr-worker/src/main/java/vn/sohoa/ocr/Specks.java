package vn.sohoa.ocr;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Specks of ink scattered over a signer's block: the grain a grey seal leaves after a threshold,
 * and dust. Over a block of text they make Tesseract take it for a picture and skip a line it reads
 * at once when they are gone (a signer's name under a faded seal). A speck near a letter is kept:
 * it may be a tone mark, and the thinnest of those are no bigger than a speck.
 */
final class Specks {

    /** A speck has fewer black pixels than a square this share of an inch wide: 30 pixels at 300 dpi. */
    private static final double SIDE_INCHES = 1.0 / 55;
    /** A tone mark stands within this share of its letter's height above or below it (and half as far aside). */
    private static final double MARK_REACH = 0.6;

    private Specks() {
    }

    /** The black and white {@code image} (0 ink, 255 paper) without the specks that stand apart from any letter. */
    static BufferedImage removed(BufferedImage image, int dpi) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] pixels = (byte[]) image.getRaster().getDataElements(0, 0, width, height, null);
        int[] label = new int[pixels.length];
        int[] stack = new int[pixels.length];
        // Per component: left, top, right, bottom, pixel count.
        int[][] boxes = new int[16][];
        int count = 0;
        for (int start = 0; start < pixels.length; start++) {
            if (pixels[start] != 0 || label[start] != 0) {
                continue;
            }
            if (count == boxes.length) {
                boxes = Arrays.copyOf(boxes, count * 2);
            }
            int[] box = {width, height, -1, -1, 0};
            boxes[count++] = box;
            int top = 0;
            stack[top++] = start;
            label[start] = count;
            while (top > 0) {
                int p = stack[--top];
                int x = p % width;
                int y = p / width;
                box[0] = Math.min(box[0], x);
                box[1] = Math.min(box[1], y);
                box[2] = Math.max(box[2], x);
                box[3] = Math.max(box[3], y);
                box[4]++;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < width && ny < height) {
                            int q = ny * width + nx;
                            if (pixels[q] == 0 && label[q] == 0) {
                                label[q] = count;
                                stack[top++] = q;
                            }
                        }
                    }
                }
            }
        }
        double side = SIDE_INCHES * dpi;
        int speck = (int) Math.ceil(side * side);
        boolean[] nearLetter = new boolean[pixels.length];
        for (int i = 0; i < count; i++) {
            int[] box = boxes[i];
            if (box[4] >= speck) {
                int reach = (int) Math.ceil(MARK_REACH * (box[3] - box[1] + 1));
                int left = Math.max(0, box[0] - reach / 2);
                int right = Math.min(width - 1, box[2] + reach / 2);
                for (int y = Math.max(0, box[1] - reach); y <= Math.min(height - 1, box[3] + reach); y++) {
                    Arrays.fill(nearLetter, y * width + left, y * width + right + 1, true);
                }
            }
        }
        byte[] clean = pixels.clone();
        for (int p = 0; p < pixels.length; p++) {
            if (label[p] != 0 && boxes[label[p] - 1][4] < speck && !nearLetter[p]) {
                clean[p] = (byte) 255;
            }
        }
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        result.getRaster().setDataElements(0, 0, width, height, clean);
        return result;
    }
}
