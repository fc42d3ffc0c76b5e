package vn.sohoa.ocr;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Optional;

/**
 * The sheet of paper in a phone photo taken on a desk: found as the bright region around the middle
 * of the picture, darker desk around it, and its four corners; the page is then cut out and its
 * perspective undone, so that OCR and the archive's copy see the page and not the desk. A scan, whose
 * paper fills the picture, is left as it is.
 */
final class PaperCrop {

    /** The paper must cover at least this share of the picture ... */
    private static final double MIN_PAPER_SHARE = 0.3;
    /** ... and leave desk around it: a sheet covering more than this share is taken as a scan. */
    private static final double MAX_PAPER_SHARE = 0.9;
    /** The bright region must fill its four corners' outline this much: a sheet, not a bright blot. */
    private static final double MIN_SOLIDITY = 0.9;

    /** A picture whose edges are brighter than this share is paper to its edges: a scan. */
    private static final double MAX_BRIGHT_EDGES = 0.5;
    /** A picture narrower than this (a strip, a few lines of pixels) has no room for a sheet and desk around it. */
    private static final int MIN_SIDE = 10;
    /** What the cut sheet shows where the perspective reaches past the picture. */
    private static final byte WHITE = (byte) 255;

    /** The corners of the sheet, in the small copy's pixels: top left, top right, bottom right, bottom left. */
    record Sheet(Point2D.Double[] corners) {
    }

    private PaperCrop() {
    }

    /** The sheet of paper in the small grey copy of a photo, when there is desk around it. */
    static Optional<Sheet> find(BufferedImage small) {
        int width = small.getWidth();
        int height = small.getHeight();
        byte[] pixels = ((DataBufferByte) small.getRaster().getDataBuffer()).getData();
        if (Math.min(width, height) < MIN_SIDE) {
            return Optional.empty();
        }
        int[] histogram = Images.histogram(pixels);
        int paper = Images.otsu(histogram, pixels.length);
        if (brightShareOfTheEdges(pixels, width, height, paper) > MAX_BRIGHT_EDGES) {
            return Optional.empty();
        }
        boolean[] sheet = brightRegionAroundTheMiddle(pixels, width, height, paper);
        if (sheet == null) {
            return Optional.empty();
        }
        // The corners are the region's points furthest out along the two diagonals, both ways.
        int[] best = {Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        int[][] at = new int[4][];
        int area = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (!sheet[y * width + x]) {
                    continue;
                }
                area++;
                int[] scores = {x + y, x - y, x + y, y - x};
                for (int k = 0; k < 4; k++) {
                    boolean better = k == 0 ? scores[k] < best[k] : scores[k] > best[k];
                    if (better) {
                        best[k] = scores[k];
                        at[k] = new int[] {x, y};
                    }
                }
            }
        }
        Point2D.Double[] corners = {point(at[0]), point(at[1]), point(at[2]), point(at[3])};
        double outline = quadrilateralArea(corners);
        double picture = (double) width * height;
        boolean isSheet = outline >= MIN_PAPER_SHARE * picture && outline <= MAX_PAPER_SHARE * picture
                && area >= MIN_SOLIDITY * outline;
        return isSheet ? Optional.of(new Sheet(corners)) : Optional.empty();
    }

    /** The share of bright pixels on a frame just inside the picture's edges. */
    private static double brightShareOfTheEdges(byte[] pixels, int width, int height, int paper) {
        int inset = Math.max(1, Math.min(width, height) / 100);
        int bright = 0;
        int all = 0;
        for (int x = inset; x < width - inset; x++) {
            for (int y : new int[] {inset, height - 1 - inset}) {
                all++;
                bright += (pixels[y * width + x] & 0xff) >= paper ? 1 : 0;
            }
        }
        for (int y = inset; y < height - inset; y++) {
            for (int x : new int[] {inset, width - 1 - inset}) {
                all++;
                bright += (pixels[y * width + x] & 0xff) >= paper ? 1 : 0;
            }
        }
        return (double) bright / all;
    }

    /**
     * The bright pixels joined to the middle of the picture, holes (the print) filled by taking each
     * row's span between its outermost bright pixels; null when the middle is not bright.
     */
    private static boolean[] brightRegionAroundTheMiddle(byte[] pixels, int width, int height, int paper) {
        int start = (height / 2) * width + width / 2;
        if ((pixels[start] & 0xff) < paper) {
            return null;
        }
        boolean[] reached = new boolean[pixels.length];
        int[] stack = new int[pixels.length];
        int top = 0;
        stack[top++] = start;
        reached[start] = true;
        while (top > 0) {
            int i = stack[--top];
            int x = i % width;
            int[] next = {x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, i - width, i + width};
            for (int n : next) {
                if (n >= 0 && n < pixels.length && !reached[n] && (pixels[n] & 0xff) >= paper) {
                    reached[n] = true;
                    stack[top++] = n;
                }
            }
        }
        for (int y = 0; y < height; y++) {
            int first = -1;
            int last = -1;
            for (int x = 0; x < width; x++) {
                if (reached[y * width + x]) {
                    first = first < 0 ? x : first;
                    last = x;
                }
            }
            for (int x = first; x >= 0 && x <= last; x++) {
                reached[y * width + x] = true;
            }
        }
        return reached;
    }

    /**
     * The sheet cut out of the full-sized grey picture ({@code scale} times the small copy) and made
     * rectangular: each pixel of the result is taken, bilinearly, from where the perspective puts it.
     */
    static BufferedImage cut(BufferedImage grey, Sheet sheet, double scale) {
        Point2D.Double[] c = new Point2D.Double[4];
        for (int k = 0; k < 4; k++) {
            c[k] = new Point2D.Double(sheet.corners()[k].x * scale, sheet.corners()[k].y * scale);
        }
        int width = (int) Math.round(Math.max(c[0].distance(c[1]), c[3].distance(c[2])));
        int height = (int) Math.round(Math.max(c[0].distance(c[3]), c[1].distance(c[2])));
        double[] h = homography(width, height, c);
        byte[] source = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) target.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double d = h[6] * x + h[7] * y + 1;
                double sx = (h[0] * x + h[1] * y + h[2]) / d;
                double sy = (h[3] * x + h[4] * y + h[5]) / d;
                out[y * width + x] = Images.bilinear(source, grey.getWidth(), grey.getHeight(), sx, sy, WHITE);
            }
        }
        return target;
    }

    /**
     * The projective map from the {@code width} x {@code height} rectangle's corners to the sheet's
     * (x' = (h0 x + h1 y + h2) / (h6 x + h7 y + 1), y' likewise with h3..h5), from the eight equations
     * of the four corner pairs.
     */
    private static double[] homography(int width, int height, Point2D.Double[] to) {
        double[][] from = {{0, 0}, {width - 1, 0}, {width - 1, height - 1}, {0, height - 1}};
        double[][] a = new double[8][9];
        for (int k = 0; k < 4; k++) {
            double x = from[k][0];
            double y = from[k][1];
            a[2 * k] = new double[] {x, y, 1, 0, 0, 0, -x * to[k].x, -y * to[k].x, to[k].x};
            a[2 * k + 1] = new double[] {0, 0, 0, x, y, 1, -x * to[k].y, -y * to[k].y, to[k].y};
        }
        for (int col = 0; col < 8; col++) {
            int pivot = col;
            for (int row = col + 1; row < 8; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int row = 0; row < 8; row++) {
                if (row != col) {
                    double f = a[row][col] / a[col][col];
                    for (int k = col; k < 9; k++) {
                        a[row][k] -= f * a[col][k];
                    }
                }
            }
        }
        double[] h = new double[8];
        for (int k = 0; k < 8; k++) {
            h[k] = a[k][8] / a[k][k];
        }
        return h;
    }

    private static Point2D.Double point(int[] xy) {
        return new Point2D.Double(xy[0], xy[1]);
    }

    /** Shoelace formula over the corners in order. */
    private static double quadrilateralArea(Point2D.Double[] c) {
        double sum = 0;
        for (int k = 0; k < 4; k++) {
            Point2D.Double p = c[k];
            Point2D.Double q = c[(k + 1) % 4];
            sum += p.x * q.y - q.x * p.y;
        }
        return Math.abs(sum) / 2;
    }
}
