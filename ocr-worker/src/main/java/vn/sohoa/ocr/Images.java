package vn.sohoa.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;

/** Pixel operations that prepare a page for Tesseract. */
final class Images {

    private Images() {
    }

    /** An 8-bit grey copy; Tesseract binarises grey itself and reads it better than a prebinarised page. */
    static BufferedImage grey(BufferedImage source) {
        if (source.getType() == BufferedImage.TYPE_BYTE_GRAY && source.getRaster().getParent() == null) {
            return source;
        }
        BufferedImage grey = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.drawImage(source, 0, 0, null);
        g.dispose();
        return grey;
    }

    static BufferedImage scale(BufferedImage grey, double factor) {
        int width = (int) Math.round(grey.getWidth() * factor);
        int height = (int) Math.round(grey.getHeight() * factor);
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                factor < 1 ? RenderingHints.VALUE_INTERPOLATION_BILINEAR : RenderingHints.VALUE_INTERPOLATION_BICUBIC);
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

    /**
     * Turns the image clockwise by a small angle, on a canvas grown to hold every corner (so no text is
     * cut off), the new corners white.
     */
    static BufferedImage rotate(BufferedImage grey, double degreesClockwise) {
        double theta = Math.toRadians(degreesClockwise);
        double sin = Math.abs(Math.sin(theta));
        double cos = Math.abs(Math.cos(theta));
        int w = grey.getWidth();
        int h = grey.getHeight();
        int width = (int) Math.ceil(w * cos + h * sin);
        int height = (int) Math.ceil(h * cos + w * sin);
        BufferedImage rotated = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = rotated.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform turn = new AffineTransform();
        turn.translate(width / 2.0, height / 2.0);
        turn.rotate(theta);
        turn.translate(-w / 2.0, -h / 2.0);
        g.drawImage(grey, turn, null);
        g.dispose();
        return rotated;
    }

    /** The grey pixels in a direct buffer, one byte per pixel, rows without padding. */
    static ByteBuffer pixels(BufferedImage grey) {
        byte[] data = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        ByteBuffer buffer = ByteBuffer.allocateDirect(data.length);
        buffer.put(data).flip();
        return buffer;
    }
}
