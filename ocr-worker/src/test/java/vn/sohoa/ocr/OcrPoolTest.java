package vn.sohoa.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.sohoa.core.document.Word;

/** Real Tesseract on rendered Vietnamese pages. */
class OcrPoolTest {

    private static final String LINE = "Liên đoàn Lao động tỉnh tổ chức Tháng Công nhân";
    private static OcrPool pool;

    @BeforeAll
    static void startPool() {
        pool = VietnameseOcr.pool(2);
        pool.verify();
    }

    @AfterAll
    static void stopPool() throws InterruptedException {
        pool.close();
    }

    @Test
    void everyWorkerHasTesseractLoadedBeforeTheFirstPage() {
        assertEquals(2, pool.loadedEngines());
    }

    @Test
    void readsAnUprightVietnamesePage() throws Exception {
        PageText text = pool.read(new PageImage(1, page(), 300)).get();
        assertTrue(text.text().contains(LINE), text.text());
        assertEquals(0, text.rotation());
        assertTrue(text.confidence() > 80);
    }

    @Test
    void aPageOfAFewPixelsHighOrWideIsABlankPage() throws Exception {
        for (int[] size : new int[][] {{5000, 2}, {2, 5000}, {1, 1}}) {
            PageText text = pool.read(new PageImage(2, new BufferedImage(size[0], size[1], BufferedImage.TYPE_BYTE_GRAY),
                    300)).get();
            assertEquals("", text.text(), size[0] + "x" + size[1]);
            assertEquals(List.of(), text.words());
            assertEquals(size[0], text.image().image().getWidth());
            assertEquals(size[1], text.image().image().getHeight());
        }
    }

    @Test
    void aReadingGivenUpKeepsItsThreadAndThePoolReadsOnWithAnother() throws Exception {
        // An A5's worth of random letter strings at 6 pt: Tesseract reads it for a quarter of a minute or more.
        BufferedImage slowPage = ImageIO.read(CorpusScans.DIR.resolveSibling("slow-page.png").toFile());
        BufferedImage slow = slowPage.getSubimage(0, 0, slowPage.getWidth() / 2, slowPage.getHeight() / 4);
        try (OcrPool one = VietnameseOcr.pool(1)) {
            one.verify();
            CompletableFuture<PageText> hung = one.read(new PageImage(1, slow, 300));
            one.abandon(hung);
            PageText text = one.read(new PageImage(2, page(), 300)).get(2, TimeUnit.MINUTES);
            assertTrue(text.text().contains(LINE), text.text());
            assertFalse(hung.isDone(), "read while the reading given up still runs");
            assertEquals(2, one.threads());

            hung.get(15, TimeUnit.MINUTES);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (one.threads() > 1 && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertEquals(1, one.threads(), "back to one thread once the reading given up ended");
            assertEquals(1, one.loadedEngines(), "the Tesseract of the thread that ended is closed");
        }
    }

    @Test
    void turnsSidewaysAndUpsideDownPagesUpright() throws Exception {
        BufferedImage upright = page();
        for (int turned : new int[] {90, 180, 270}) {
            BufferedImage image = Images.rotateClockwise(Images.grey(upright), turned);
            PageText text = pool.read(new PageImage(1, image, 300)).get();
            assertEquals((360 - turned) % 360, text.rotation(), "page turned " + turned);
            assertTrue(text.text().contains(LINE), "page turned " + turned + ": " + text.text());
        }
    }

    @Test
    void handsOutTheUprightImageItsWordBoxesReferTo() throws Exception {
        BufferedImage sideways = Images.rotateClockwise(Images.grey(page()), 90);
        PageText text = pool.read(new PageImage(1, sideways, 300)).get();
        UprightImage read = text.image();
        assertEquals(text.width(), read.image().getWidth());
        assertEquals(text.height(), read.image().getHeight());
        assertTrue(read.image().getHeight() > read.image().getWidth(), "the image is the upright page");
        assertEquals(300, read.dpi());
        assertFalse(read.bilevel());
        Word first = text.words().get(0);
        assertTrue(first.x() + first.width() <= read.image().getWidth() && first.y() + first.height() <= read.image().getHeight());
        assertNull(text.withoutImage().image());
    }

    @Test
    void aBilevelScanScaledUpForOcrIsHandedOutAtItsNewResolution() throws Exception {
        BufferedImage bilevel = new BufferedImage(1654, 2339, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = bilevel.createGraphics();
        g.drawImage(page(), 0, 0, 1654, 2339, null);
        g.dispose();
        UprightImage read = pool.read(new PageImage(1, bilevel, 200)).get().image();
        assertEquals(TesseractEngine.TARGET_DPI, read.dpi());
        assertTrue(read.bilevel());
        assertEquals(2481, read.image().getWidth(), 2);
    }

    @Test
    void aRedSealOverTheSignerIsLeftOutAndARedStampInTheHeaderIsKept() throws Exception {
        BufferedImage page = new BufferedImage(2480, 3508, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Color sealRed = new Color(220, 30, 40);
        g.setColor(Color.BLACK);
        g.setFont(new Font("DejaVu Serif", Font.PLAIN, 50));
        g.drawString("Số: 80/BB-LĐLĐ", 300, 500);
        g.drawString(LINE, 300, 1200);
        g.setColor(sealRed);
        g.setStroke(new java.awt.BasicStroke(6));
        g.drawRect(380, 560, 190, 90);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 56));
        g.drawString("MẬT", 405, 630);
        // Seal ink lies over the print, but black toner stays black under it: the seal is drawn first.
        g.setStroke(new java.awt.BasicStroke(14));
        g.drawOval(1250, 2360, 520, 520);
        g.drawOval(1310, 2420, 400, 400);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 46));
        g.drawString("LIÊN ĐOÀN LAO ĐỘNG", 1290, 2560);
        g.setColor(Color.BLACK);
        g.setFont(new Font("DejaVu Serif", Font.BOLD, 50));
        g.drawString("TM. BAN THƯỜNG VỤ", 1300, 2400);
        g.drawString("CHỦ TỊCH", 1480, 2480);
        g.drawString("Phạm Thị Hồng Ánh", 1330, 2800);
        g.dispose();
        PageText text = pool.read(new PageImage(1, page, 300)).get();
        assertTrue(text.text().contains("Phạm Thị Hồng Ánh"), text.text());
        assertFalse(text.text().contains("LIÊN ĐOÀN"), "the seal's own words are not read: " + text.text());
        assertTrue(text.text().contains("MẬT"), "the secrecy stamp stays: " + text.text());
    }

    @Test
    void sealInkIsRedOrPurpleNeverBlackBlueOrTheFringesOfPrint() {
        assertTrue(Images.isSealInk(220, 30, 40));
        assertTrue(Images.isSealInk(150, 40, 160));
        assertFalse(Images.isSealInk(20, 20, 20));
        assertFalse(Images.isSealInk(30, 40, 160));
        assertFalse(Images.isSealInk(90, 60, 60));
        assertFalse(Images.isSealInk(250, 250, 250));
    }

    @Test
    void pagesReadInParallelKeepTheirNumbers() throws Exception {
        List<CompletableFuture<PageText>> pages = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            pages.add(pool.read(new PageImage(i, page(), 300)));
        }
        for (int i = 1; i <= 4; i++) {
            assertEquals(i, pages.get(i - 1).get().number());
        }
    }

    /** An A4 page at 300 dpi with a few lines of Vietnamese text. */
    private static BufferedImage page() {
        BufferedImage image = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font("DejaVu Serif", Font.PLAIN, 50));
        String[] lines = {LINE, "Về việc triển khai chuyển đổi số trong hoạt động công đoàn",
            "Ban Chấp hành Công đoàn cơ sở các đơn vị trực thuộc", "Kính đề nghị các đơn vị quan tâm thực hiện."};
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 200, 400 + i * 90);
        }
        g.dispose();
        return image;
    }
}
