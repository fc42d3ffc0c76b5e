package vn.sohoa.ocr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class BrokenRulesTest {

    private static final int DPI = 200;

    @Test
    void aDashedRuleAcrossAndOneDownAreJoined() {
        BufferedImage page = blankPage();
        dashes(page, 200, 1400, 32, x -> new Rectangle(x, 500, 20, 2));
        dashes(page, 600, 1400, 40, y -> new Rectangle(300, y, 2, 25));

        BufferedImage joined = BrokenRules.joined(page, DPI);

        assertEquals(0, whiteIn(joined, 200, 500, 1180, 1), "the rule across is whole");
        assertEquals(0, whiteIn(joined, 300, 600, 1, 785), "the rule down is whole");
    }

    @Test
    void aShortDashedLineIsNoRule() {
        BufferedImage page = blankPage();
        dashes(page, 200, 330, 32, x -> new Rectangle(x, 500, 20, 2));

        assertArrayEquals(pixels(page), pixels(BrokenRules.joined(page, DPI)));
    }

    @Test
    void theLettersOfAPageOfTextAreLeftAsTheyAre() throws Exception {
        // A black and white scan at 300 dpi: the feet of a line's letters are thin dark runs in line, too.
        BufferedImage page = Images.grey(CorpusScans.frame("Tham du lop tap huan.png", 0));

        assertArrayEquals(pixels(page), pixels(BrokenRules.joined(page, 300)));
    }

    private static BufferedImage blankPage() {
        BufferedImage page = new BufferedImage(1654, 2339, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.dispose();
        return page;
    }

    /** Black dashes every {@code step} pixels from {@code from} to before {@code to}, each where {@code dash} puts it. */
    private static void dashes(BufferedImage page, int from, int to, int step, IntFunction<Rectangle> dash) {
        Graphics2D g = page.createGraphics();
        g.setColor(Color.BLACK);
        for (int at = from; at < to; at += step) {
            g.fill(dash.apply(at));
        }
        g.dispose();
    }

    private static int whiteIn(BufferedImage image, int x, int y, int width, int height) {
        int white = 0;
        for (int row = y; row < y + height; row++) {
            for (int column = x; column < x + width; column++) {
                if (image.getRaster().getSample(column, row, 0) > 127) {
                    white++;
                }
            }
        }
        return white;
    }

    private static byte[] pixels(BufferedImage grey) {
        return ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
    }
}
