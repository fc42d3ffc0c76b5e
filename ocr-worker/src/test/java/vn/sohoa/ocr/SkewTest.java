package vn.sohoa.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class SkewTest {

    @Test
    void measuresTheAngleOfTheTextLines() {
        BufferedImage page = page();
        for (double degrees : new double[] {-4.5, -1.2, 0.7, 3}) {
            BufferedImage turned = Images.scaleAndRotate(page, 1, degrees);
            assertEquals(degrees, Skew.of(turned).degrees(), 0.15, "page turned " + degrees + "°");
        }
        assertEquals(0, Skew.of(page).degrees(), 0.05);
    }

    @Test
    void aBlankPageHasNoSkew() {
        assertEquals(0, Skew.of(blank()).degrees());
    }

    @Test
    void scalingAndTurningKeepsEveryCorner() {
        BufferedImage page = page();
        BufferedImage turned = Images.scaleAndRotate(page, 1.5, 2);
        double theta = Math.toRadians(2);
        int width = (int) Math.ceil((page.getWidth() * Math.cos(theta) + page.getHeight() * Math.sin(theta)) * 1.5);
        assertEquals(width, turned.getWidth());
        assertEquals(255, turned.getRaster().getSample(0, 0, 0), "the new corners are white");
    }

    /** A white page without a mark. */
    static BufferedImage blank() {
        BufferedImage blank = new BufferedImage(800, 1100, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = blank.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 800, 1100);
        g.dispose();
        return blank;
    }

    /** A page at about 150 dpi with twenty lines of text. */
    static BufferedImage page() {
        BufferedImage image = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font("DejaVu Serif", Font.PLAIN, 24));
        String[] words = {"Công", "đoàn", "cơ", "sở", "tổ", "chức", "Tháng", "Công", "nhân", "năm", "2024", "Liên",
            "đoàn", "Lao", "động", "tỉnh", "Bình", "Phước", "kế", "hoạch", "triển", "khai"};
        for (int i = 0; i < 20; i++) {
            StringBuilder line = new StringBuilder();
            for (int w = 0; w < 11; w++) {
                line.append(words[(i * 7 + w * (i % 5 + 1)) % words.length]).append(' ');
            }
            g.drawString(line.toString().strip(), 120, 200 + i * 50);
        }
        g.dispose();
        return image;
    }
}
