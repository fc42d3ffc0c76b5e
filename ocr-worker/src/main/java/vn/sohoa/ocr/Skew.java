package vn.sohoa.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * The skew of a page's text lines, found by projection profiles: dark pixels are projected along
 * each candidate angle, and the angle whose row profile has the sharpest edges (lines of text and
 * the gaps between them) is the skew.
 */
final class Skew {

    static final double MAX_DEGREES = 6;
    private static final double COARSE_STEP = 0.2;
    private static final double FINE_STEP = 0.02;
    /** Below this gain of the best angle's sharpness over the unturned page's, the page is not skewed. */
    private static final double MIN_GAIN = 1.02;

    private final int[] xs;
    private final int[] ys;
    private final int count;
    private final int height;
    private final int width;

    private Skew(int[] xs, int[] ys, int count, int width, int height) {
        this.xs = xs;
        this.ys = ys;
        this.count = count;
        this.width = width;
        this.height = height;
    }

    /** The dark pixels of the page. */
    static Skew of(BufferedImage grey) {
        return darkPixels(grey);
    }

    /** Degrees the text lines rise clockwise (turn the page back by minus this); 0 when there is no clear skew. */
    double degrees() {
        return measure();
    }

    private double[] coarseSharpness() {
        int steps = (int) Math.round(2 * MAX_DEGREES / COARSE_STEP);
        double[] coarse = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            coarse[i] = sharpness(coarseAngle(i));
        }
        return coarse;
    }

    private static double coarseAngle(int step) {
        return -MAX_DEGREES + step * COARSE_STEP;
    }

    private double measure() {
        if (count < 200) {
            return 0;
        }
        double flat = sharpness(0);
        double best = 0;
        double bestScore = flat;
        double[] scores = coarseSharpness();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > bestScore) {
                bestScore = scores[i];
                best = coarseAngle(i);
            }
        }
        double around = best;
        for (double a = around - COARSE_STEP; a <= around + COARSE_STEP + 1e-9; a += FINE_STEP) {
            double score = sharpness(a);
            if (score > bestScore) {
                bestScore = score;
                best = a;
            }
        }
        return bestScore >= flat * MIN_GAIN ? best : 0;
    }

    /** Sum of squared differences between neighbouring rows of the profile taken along the angle. */
    private double sharpness(double degrees) {
        double tan = Math.tan(Math.toRadians(degrees));
        int margin = (int) Math.ceil(Math.abs(tan) * width) + 1;
        int[] rows = new int[height + 2 * margin];
        // Rounded by adding a half to a sum the margin keeps positive.
        double shift = margin + 0.5;
        for (int i = 0; i < count; i++) {
            rows[(int) (ys[i] - xs[i] * tan + shift)]++;
        }
        double sum = 0;
        for (int r = 1; r < rows.length; r++) {
            double d = rows[r] - rows[r - 1];
            sum += d * d;
        }
        return sum;
    }

    /** The dark pixels: darker than the midpoint between the page's typical ink and paper greys. */
    private static Skew darkPixels(BufferedImage grey) {
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int width = grey.getWidth();
        int height = grey.getHeight();
        int[] histogram = Images.histogram(pixels);
        int threshold = Images.otsu(histogram, pixels.length);
        int dark = 0;
        for (int v = 0; v < threshold; v++) {
            dark += histogram[v];
        }
        int step = Math.max(1, dark / 150_000);
        int[] xs = new int[dark / step + 1];
        int[] ys = new int[dark / step + 1];
        int longestRun = Math.max(8, width / 40);
        int n = 0;
        int seen = 0;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int x = 0;
            while (x < width) {
                if ((pixels[row + x] & 0xff) >= threshold) {
                    x++;
                    continue;
                }
                int end = x;
                while (end < width && (pixels[row + end] & 0xff) < threshold) {
                    end++;
                }
                if (end - x <= longestRun) {
                    for (int i = x; i < end; i++) {
                        if (seen++ % step == 0 && n < xs.length) {
                            xs[n] = i;
                            ys[n] = y;
                            n++;
                        }
                    }
                }
                x = end;
            }
        }
        return new Skew(xs, ys, n, width, height);
    }
}
