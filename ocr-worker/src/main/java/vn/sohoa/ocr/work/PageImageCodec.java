package vn.sohoa.ocr.work;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import javax.imageio.ImageIO;
import vn.sohoa.ocr.ImageEncoding;

/**
 * How a page's image travels to a worker through storage, pixel for pixel. The usual rendered and
 * scanned pages (grey, colour) go as their raw raster deflated at level 1: a few tens of ms each way
 * for an A4 page at 300 dpi, against 150 ms and more for a PNG. Any other kind of image goes as PNG.
 */
final class PageImageCodec {

    private static final byte[] RASTER = "SOHOA-RASTER-1\n".getBytes(StandardCharsets.US_ASCII);
    /** PNG at deflate level 1 (ImageIO: level = 9 x (1 - quality)). */
    private static final float PNG_QUALITY = 0.85f;

    private PageImageCodec() {
    }

    static byte[] encode(BufferedImage image) throws IOException {
        return wholeRaster(image) ? raster(image) : ImageEncoding.write(image, "png", PNG_QUALITY);
    }

    /** A grey or colour image whose data buffer holds exactly its own pixels (not a view into a larger one). */
    private static boolean wholeRaster(BufferedImage image) {
        int samples = switch (image.getType()) {
            case BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_INT_RGB -> 1;
            case BufferedImage.TYPE_3BYTE_BGR -> 3;
            default -> 0;
        };
        var raster = image.getRaster();
        return samples > 0 && raster.getParent() == null && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0 && raster.getDataBuffer().getNumBanks() == 1
                && raster.getDataBuffer().getSize() == (long) image.getWidth() * image.getHeight() * samples;
    }

    static BufferedImage decode(byte[] bytes) throws IOException {
        if (bytes.length > RASTER.length && Arrays.equals(bytes, 0, RASTER.length, RASTER, 0, RASTER.length)) {
            return fromRaster(bytes);
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        if (image == null) {
            throw new IOException("not a page image");
        }
        return image;
    }

    private static byte[] raster(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(RASTER);
        DataOutputStream header = new DataOutputStream(bytes);
        header.writeInt(image.getType());
        header.writeInt(image.getWidth());
        header.writeInt(image.getHeight());
        Deflater fast = new Deflater(1);
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, fast, 1 << 16)) {
            if (image.getType() == BufferedImage.TYPE_INT_RGB) {
                int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
                ByteBuffer buffer = ByteBuffer.allocate(pixels.length * 4);
                buffer.asIntBuffer().put(pixels);
                out.write(buffer.array());
            } else {
                out.write(((DataBufferByte) image.getRaster().getDataBuffer()).getData());
            }
        } finally {
            fast.end();
        }
        return bytes.toByteArray();
    }

    private static BufferedImage fromRaster(byte[] bytes) throws IOException {
        DataInputStream header = new DataInputStream(
                new ByteArrayInputStream(bytes, RASTER.length, bytes.length - RASTER.length));
        int type = header.readInt();
        int width = header.readInt();
        int height = header.readInt();
        BufferedImage image = new BufferedImage(width, height, type);
        Inflater inflater = new Inflater();
        try (InflaterInputStream in = new InflaterInputStream(header, inflater, 1 << 16)) {
            if (type == BufferedImage.TYPE_INT_RGB) {
                byte[] raw = in.readNBytes(width * height * 4);
                ByteBuffer.wrap(raw).asIntBuffer().get(((DataBufferInt) image.getRaster().getDataBuffer()).getData());
            } else {
                byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                if (in.readNBytes(data, 0, data.length) != data.length) {
                    throw new IOException("the page image is cut short");
                }
            }
        } finally {
            inflater.end();
        }
        return image;
    }

}
