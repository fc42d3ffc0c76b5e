package vn.sohoa.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScannerEdgesTest {

    @Test
    void theDarkBandsAlongTheEdgesAreFoundAndPaintedLikeThePaper() {
        BufferedImage page = page(new Color(235, 235, 235));
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(30, 30, 30));
        g.fillRect(0, 0, 60, page.getHeight());
        g.fillRect(0, page.getHeight() - 40, page.getWidth(), 40);
        g.dispose();

        Rectangle paper = ScannerEdges.paper(page).orElseThrow();

        assertEquals(new Rectangle(60, 0, page.getWidth() - 60, page.getHeight() - 40), paper);
        BufferedImage painted = ScannerEdges.painted(page, paper);
        assertEquals(235, painted.getRaster().getSample(10, 500, 0));
        assertEquals(235, painted.getRaster().getSample(800, page.getHeight() - 5, 0));
    }

    @Test
    void aPageWithoutBandsIsLeftAlone() {
        BufferedImage page = page(Color.WHITE);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.BLACK);
        // A dark photograph on the page and a table's border along its edge are no scanner's bands.
        g.fillRect(300, 300, 800, 600);
        g.fillRect(0, 0, 3, page.getHeight() / 2);
        g.dispose();

        assertEquals(Optional.empty(), ScannerEdges.paper(page));
    }

    private static BufferedImage page(Color paper) {
        BufferedImage page = new BufferedImage(1654, 2339, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(paper);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.dispose();
        return page;
    }
}
