package vn.sohoa.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class SpecksTest {

    @Test
    void specksGoWhileLettersAndTheirDotsAndTonesStay() {
        BufferedImage block = new BufferedImage(400, 200, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = block.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 200);
        g.setColor(Color.BLACK);
        g.fillRect(50, 80, 8, 40);   // the stem of an "i" at 300 dpi, 14 pt
        g.fillRect(50, 66, 8, 8);    // its dot, 64 pixels
        g.fillRect(100, 60, 7, 5);   // a tone mark, 35 pixels
        g.fillRect(200, 100, 4, 4);  // a speck of a seal's grain, 16 pixels
        g.fillRect(300, 40, 5, 5);   // dust, 25 pixels
        g.dispose();

        BufferedImage clean = Specks.removed(block, 300);

        assertEquals(0, clean.getRaster().getSample(53, 100, 0), "the stem");
        assertEquals(0, clean.getRaster().getSample(53, 69, 0), "the dot");
        assertEquals(0, clean.getRaster().getSample(102, 62, 0), "the tone mark");
        assertEquals(255, clean.getRaster().getSample(201, 101, 0), "the grain");
        assertEquals(255, clean.getRaster().getSample(302, 42, 0), "the dust");
    }

    @Test
    void theSizeOfASpeckFollowsTheResolution() {
        BufferedImage block = new BufferedImage(100, 100, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = block.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 100, 100);
        g.setColor(Color.BLACK);
        g.fillRect(40, 40, 4, 4);    // a tone mark's dot at 200 dpi, 16 pixels
        g.dispose();

        assertEquals(0, Specks.removed(block, 200).getRaster().getSample(41, 41, 0), "kept at 200 dpi");
        assertEquals(255, Specks.removed(block, 300).getRaster().getSample(41, 41, 0), "a speck at 300 dpi");
    }
}
