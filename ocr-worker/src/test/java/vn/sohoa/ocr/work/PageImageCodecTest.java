package vn.sohoa.ocr.work;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageImageCodecTest {

    @Test
    void everyKindOfPageComesBackPixelForPixelAndTheUsualOnesOfTheSameType() throws Exception {
        int[] types = {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB,
            BufferedImage.TYPE_BYTE_BINARY, BufferedImage.TYPE_INT_ARGB};
        for (int type : types) {
            BufferedImage page = noisy(new BufferedImage(301, 157, type));
            BufferedImage back = PageImageCodec.decode(PageImageCodec.encode(page));
            if (type != BufferedImage.TYPE_INT_ARGB) {
                assertEquals(type, back.getType());
            }
            assertArrayEquals(page.getRGB(0, 0, 301, 157, null, 0, 301), back.getRGB(0, 0, 301, 157, null, 0, 301),
                    "type " + type);
        }
    }

    @Test
    void usualPagesTravelAsTheirRasterAndAViewIntoALargerImageAsPng() throws Exception {
        BufferedImage grey = noisy(new BufferedImage(200, 100, BufferedImage.TYPE_BYTE_GRAY));
        assertTrue(new String(PageImageCodec.encode(grey), 0, 14, StandardCharsets.US_ASCII).startsWith("SOHOA-RASTER"));
        BufferedImage view = grey.getSubimage(10, 10, 50, 40);
        byte[] encoded = PageImageCodec.encode(view);
        assertEquals("PNG", new String(encoded, 1, 3, StandardCharsets.US_ASCII));
        assertArrayEquals(view.getRGB(0, 0, 50, 40, null, 0, 50),
                PageImageCodec.decode(encoded).getRGB(0, 0, 50, 40, null, 0, 50));
    }

    private static BufferedImage noisy(BufferedImage image) {
        Random random = new Random(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, 0xFF000000 | random.nextInt(0x1000000));
            }
        }
        return image;
    }
}
