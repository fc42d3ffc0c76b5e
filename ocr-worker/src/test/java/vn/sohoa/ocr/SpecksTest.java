package vn.sohoa.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class SpecksTest {

    @Test
    void specksApartFromLettersGoWhileTheLettersAndTheirTonesStay() {
        BufferedImage block = new BufferedImage(600, 300, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = block.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 300);
        g.setColor(Color.BLACK);
        g.fillRect(50, 200, 8, 40);   // the stem of a letter at 300 dpi, 14 pt
        g.fillRect(46, 186, 6, 4);    // a thin grave accent above it, 24 pixels
        g.fillRect(54, 246, 4, 4);    // a dot under it, 16 pixels
        g.fillRect(300, 60, 3, 3);    // a speck of a seal's grain, far from any letter
        g.fillRect(450, 120, 5, 5);   // dust, 25 pixels
        g.fillRect(200, 50, 6, 6);    // a speck of 36 pixels: a mark, not a speck
        g.dispose();

        BufferedImage clean = Specks.removed(block, 300);

        assertEquals(0, clean.getRaster().getSample(53, 220, 0), "the letter");
        assertEquals(0, clean.getRaster().getSample(48, 187, 0), "the accent");
        assertEquals(0, clean.getRaster().getSample(55, 247, 0), "the dot");
        assertEquals(255, clean.getRaster().getSample(301, 61, 0), "the grain");
        assertEquals(255, clean.getRaster().getSample(452, 122, 0), "the dust");
        assertEquals(0, clean.getRaster().getSample(202, 52, 0), "36 pixels");
    }

    @Test
    void theSizeOfASpeckFollowsTheResolution() {
        BufferedImage block = new BufferedImage(100, 100, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = block.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 100, 100);
        g.setColor(Color.BLACK);
        g.fillRect(40, 40, 4, 4);    // 16 pixels: a mark at 200 dpi, a speck at 300
        g.dispose();

        assertEquals(0, Specks.removed(block, 200).getRaster().getSample(41, 41, 0), "kept at 200 dpi");
        assertEquals(255, Specks.removed(block, 300).getRaster().getSample(41, 41, 0), "a speck at 300 dpi");
    }
}
