package vn.sohoa.ocr;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.MultiPixelPackedSampleModel;

/** Pixel operations that prepare a page for Tesseract. */
final class Images {

    private Images() {
    }

    /** An 8-bit grey copy; Tesseract binarises grey itself and reads it better than a prebinarised page. */
    static BufferedImage grey(BufferedImage source) {
        if (source.getType() == BufferedImage.TYPE_BYTE_GRAY && source.getRaster().getParent() == null) {
            return source;
        }
        if (source.getType() == BufferedImage.TYPE_BYTE_BINARY && source.getColorModel().getPixelSize() == 1
                && source.getRaster().getParent() == null) {
            return unpacked(source);
        }
        BufferedImage grey = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.drawImage(source, 0, 0, null);
        g.dispose();
        return grey;
    }

    /** A bilevel image's bits as grey bytes, row by row: Java2D's drawing converts it pixel by pixel. */
    private static BufferedImage unpacked(BufferedImage bilevel) {
        int width = bilevel.getWidth();
        int height = bilevel.getHeight();
        MultiPixelPackedSampleModel model = (MultiPixelPackedSampleModel) bilevel.getRaster().getSampleModel();
        byte[] bits = ((DataBufferByte) bilevel.getRaster().getDataBuffer()).getData();
        int stride = model.getScanlineStride();
        int offset = model.getDataBitOffset();
        IndexColorModel colours = (IndexColorModel) bilevel.getColorModel();
        byte zero = (byte) (colours.getRGB(0) & 0xff);
        byte one = (byte) (colours.getRGB(1) & 0xff);
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            int row = y * stride;
            for (int x = 0; x < width; x++) {
                int bit = offset + x;
                boolean set = (bits[row + (bit >> 3)] & (0x80 >> (bit & 7))) != 0;
                out[y * width + x] = set ? one : zero;
            }
        }
        return grey;
    }

    static boolean isColour(BufferedImage image) {
        return image.getColorModel().getNumColorComponents() == 3 && image.getColorModel().getPixelSize() > 8;
    }

    /**
     * Two grey copies of a colour scan (ITU-R BT.601 luma), made in one pass: as it is, and with the
     * ink of seals (red, purple) made paper white, so that a seal stamped over the signer's title
     * and name does not hide them.
     */
    static BufferedImage[] greyWithAndWithoutSealInk(BufferedImage colour) {
        int width = colour.getWidth();
        int height = colour.getHeight();
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage withoutSealInk = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] plain = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        byte[] unsealed = ((DataBufferByte) withoutSealInk.getRaster().getDataBuffer()).getData();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            rgbRow(colour, y, row);
            for (int x = 0; x < width; x++) {
                int r = (row[x] >> 16) & 0xff;
                int g = (row[x] >> 8) & 0xff;
                int b = row[x] & 0xff;
                byte luma = (byte) ((r * 299 + g * 587 + b * 114) / 1000);
                plain[y * width + x] = luma;
                unsealed[y * width + x] = isSealInk(r, g, b) ? (byte) 255 : luma;
            }
        }
        return new BufferedImage[] {grey, withoutSealInk};
    }

    /**
     * A row of pixels as 0xRRGGBB, read straight from the pixel array for the layouts JPEG decoding
     * and PDF rendering give (a {@link BufferedImage#getRGB} call converts pixel by pixel).
     */
    private static void rgbRow(BufferedImage colour, int y, int[] row) {
        int width = colour.getWidth();
        boolean whole = colour.getRaster().getParent() == null;
        if (whole && colour.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            byte[] bgr = ((DataBufferByte) colour.getRaster().getDataBuffer()).getData();
            for (int x = 0, i = y * width * 3; x < width; x++, i += 3) {
                row[x] = (bgr[i + 2] & 0xff) << 16 | (bgr[i + 1] & 0xff) << 8 | bgr[i] & 0xff;
            }
        } else if (whole && (colour.getType() == BufferedImage.TYPE_INT_RGB
                || colour.getType() == BufferedImage.TYPE_INT_ARGB)) {
            System.arraycopy(((DataBufferInt) colour.getRaster().getDataBuffer()).getData(), y * width, row, 0, width);
        } else {
            colour.getRGB(0, y, width, 1, row, 0, width);
        }
    }

    /** Strongly red, or purple: the inks of seals. Black and blue text, and the colour fringes of dark print, are not. */
    static boolean isSealInk(int r, int g, int b) {
        boolean red = r > 130 && r - g > 60 && r - b > 30;
        boolean purple = r > 90 && b > 90 && g < Math.min(r, b) - 50;
        return red || purple;
    }

    /** The page with its rows from {@code fromShare} of its height down taken from the other, same-sized image. */
    static BufferedImage lowerPartFrom(BufferedImage page, BufferedImage other, double fromShare) {
        BufferedImage joined = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) joined.getRaster().getDataBuffer()).getData();
        byte[] top = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
        byte[] bottom = ((DataBufferByte) other.getRaster().getDataBuffer()).getData();
        int split = (int) (page.getHeight() * fromShare) * page.getWidth();
        System.arraycopy(top, 0, out, 0, split);
        System.arraycopy(bottom, split, out, split, out.length - split);
        return joined;
    }

    /** A smaller copy, for measuring the page rather than reading it. */
    static BufferedImage shrink(BufferedImage grey, double factor) {
        int width = (int) Math.round(grey.getWidth() * factor);
        int height = (int) Math.round(grey.getHeight() * factor);
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(grey, 0, 0, width, height, null);
        g.dispose();
        return scaled;
    }

    /** Turns the image clockwise by a multiple of 90 degrees. */
    static BufferedImage rotateClockwise(BufferedImage grey, int degrees) {
        int quarter = ((degrees % 360) + 360) % 360 / 90;
        if (quarter == 0) {
            return grey;
        }
        int w = grey.getWidth();
        int h = grey.getHeight();
        boolean swap = quarter % 2 == 1;
        BufferedImage rotated = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_BYTE_GRAY);
        AffineTransform turn = new AffineTransform();
        switch (quarter) {
            case 1 -> {
                turn.translate(h, 0);
                turn.quadrantRotate(1);
            }
            case 2 -> {
                turn.translate(w, h);
                turn.quadrantRotate(2);
            }
            default -> {
                turn.translate(0, w);
                turn.quadrantRotate(3);
            }
        }
        Graphics2D g = rotated.createGraphics();
        g.drawImage(grey, turn, null);
        g.dispose();
        return rotated;
    }

    /** The grey level half the pixels are darker than: on a page, its paper. */
    static int median(int[] histogram, int total) {
        int seen = 0;
        for (int level = 0; level < histogram.length; level++) {
            seen += histogram[level];
            if (seen * 2 >= total) {
                return level;
            }
        }
        return histogram.length - 1;
    }

    /** How many pixels have each grey level. */
    static int[] histogram(byte[] greyPixels) {
        int[] histogram = new int[256];
        for (byte p : greyPixels) {
            histogram[p & 0xff]++;
        }
        return histogram;
    }

    /** Otsu's threshold of a grey histogram: values below it are ink, the rest paper. */
    static int otsu(int[] histogram, int total) {
        long sumAll = 0;
        for (int v = 0; v < 256; v++) {
            sumAll += (long) v * histogram[v];
        }
        long sumBelow = 0;
        int below = 0;
        double bestVariance = -1;
        int threshold = 128;
        for (int v = 0; v < 256; v++) {
            below += histogram[v];
            if (below == 0) {
                continue;
            }
            int above = total - below;
            if (above == 0) {
                break;
            }
            sumBelow += (long) v * histogram[v];
            double meanBelow = (double) sumBelow / below;
            double meanAbove = (double) (sumAll - sumBelow) / above;
            double variance = (double) below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (variance > bestVariance) {
                bestVariance = variance;
                threshold = v + 1;
            }
        }
        return threshold;
    }

    /**
     * The region in black and white with only the darkest ink kept: printed text is darker than seal
     * ink and pen strokes scanned grey, and than what is left of them once their colour is removed.
     * The cut lies halfway between the darkest quarter of the ink and Otsu's ink/paper threshold.
     */
    static BufferedImage darkestInk(BufferedImage grey, Rectangle region) {
        byte[] pixels = (byte[]) grey.getRaster().getDataElements(region.x, region.y, region.width, region.height, null);
        int[] histogram = histogram(pixels);
        int paper = otsu(histogram, pixels.length);
        int ink = 0;
        for (int v = 0; v < paper; v++) {
            ink += histogram[v];
        }
        int darkQuarter = 0;
        for (int seen = histogram[0]; seen < ink / 4; seen += histogram[darkQuarter]) {
            darkQuarter++;
        }
        int cut = (darkQuarter + paper) / 2;
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (pixels[i] & 0xff) <= cut ? 0 : (byte) 255;
        }
        BufferedImage part = new BufferedImage(region.width, region.height, BufferedImage.TYPE_BYTE_GRAY);
        part.getRaster().setDataElements(0, 0, region.width, region.height, pixels);
        return part;
    }

    /**
     * Scales the grey image and turns it clockwise by a small angle in one bilinear pass, on a canvas
     * grown to hold every corner (so no text is cut off), the new corners the shade of the paper: on
     * yellowed paper, white corners would be the page's brightest grey, and a global threshold would
     * take the paper itself for ink.
     */
    static BufferedImage scaleAndRotate(BufferedImage grey, double factor, double degreesClockwise) {
        if (factor == 1 && degreesClockwise == 0) {
            return grey;
        }
        double theta = Math.toRadians(degreesClockwise);
        double sin = Math.sin(theta);
        double cos = Math.cos(theta);
        int w = grey.getWidth();
        int h = grey.getHeight();
        int width = (int) Math.ceil((w * Math.abs(cos) + h * Math.abs(sin)) * factor);
        int height = (int) Math.ceil((h * Math.abs(cos) + w * Math.abs(sin)) * factor);
        byte[] source = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        byte paper = (byte) median(histogram(source), source.length);
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) target.getRaster().getDataBuffer()).getData();
        // Each target pixel is mapped back into the source: turned counter-clockwise about the centre, then scaled down.
        double cx = width / 2.0;
        double cy = height / 2.0;
        double sx0 = w / 2.0 - 0.5;
        double sy0 = h / 2.0 - 0.5;
        double dxdx = cos / factor;
        double dydx = -sin / factor;
        for (int y = 0; y < height; y++) {
            double tx = 0.5 - cx;
            double ty = y + 0.5 - cy;
            double sx = sx0 + (cos * tx + sin * ty) / factor;
            double sy = sy0 + (-sin * tx + cos * ty) / factor;
            int row = y * width;
            for (int x = 0; x < width; x++, sx += dxdx, sy += dydx) {
                out[row + x] = bilinear(source, w, h, sx, sy, paper);
            }
        }
        return target;
    }

    /** The grey at a point between pixels, interpolated from the four around it; {@code outside} outside the image. */
    static byte bilinear(byte[] source, int width, int height, double sx, double sy, byte outside) {
        if (sx < 0 || sy < 0) {
            return outside;
        }
        // Truncation is the floor here, and much cheaper than Math.floor.
        int x0 = (int) sx;
        int y0 = (int) sy;
        if (x0 >= width - 1 || y0 >= height - 1) {
            return outside;
        }
        double fx = sx - x0;
        double fy = sy - y0;
        int i = y0 * width + x0;
        double top = (source[i] & 0xff) * (1 - fx) + (source[i + 1] & 0xff) * fx;
        double bottom = (source[i + width] & 0xff) * (1 - fx) + (source[i + width + 1] & 0xff) * fx;
        return (byte) (int) (top * (1 - fy) + bottom * fy + 0.5);
    }
}
