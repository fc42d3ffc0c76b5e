package vn.sohoa.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaperCropTest {


    @Test
    void aSheetPhotographedOnADeskIsCutOutSquare() {
        BufferedImage sheet = sheet(1000, 1400);
        BufferedImage photo = new BufferedImage(1300, 1700, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = photo.createGraphics();
        g.setColor(new Color(70, 70, 70));
        g.fillRect(0, 0, photo.getWidth(), photo.getHeight());
        AffineTransform placed = new AffineTransform();
        placed.translate(150, 160);
        placed.rotate(Math.toRadians(2));
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(sheet, placed, null);
        g.dispose();

        Optional<PaperCrop.Sheet> found = PaperCrop.find(photo);
        assertTrue(found.isPresent());
        BufferedImage cut = PaperCrop.cut(photo, found.get(), 1);
        assertEquals(1000, cut.getWidth(), 15);
        assertEquals(1400, cut.getHeight(), 15);
        for (int[] corner : new int[][] {{5, 5}, {cut.getWidth() - 6, 5}, {5, cut.getHeight() - 6},
                {cut.getWidth() - 6, cut.getHeight() - 6}}) {
            assertTrue(cut.getRaster().getSample(corner[0], corner[1], 0) > 200, "paper, not desk, at the corners");
        }
    }

    @Test
    void aScanWhosePaperFillsThePictureIsLeftAsItIs() {
        assertTrue(PaperCrop.find(sheet(1240, 1750)).isEmpty());
        BufferedImage darkEdge = sheet(1240, 1750);
        Graphics2D g = darkEdge.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(1200, 0, 40, 1750);
        g.dispose();
        assertTrue(PaperCrop.find(darkEdge).isEmpty(), "a scanner's dark edge is no desk");
    }

    @Test
    void aStripOfAFewPixelsIsNoPhoto() {
        for (int[] size : new int[][] {{1750, 1}, {1, 1750}, {1750, 2}, {1, 1}}) {
            BufferedImage strip = new BufferedImage(size[0], size[1], BufferedImage.TYPE_BYTE_GRAY);
            assertTrue(PaperCrop.find(strip).isEmpty(), size[0] + "x" + size[1]);
        }
    }

    @Test
    void thePhonePhotoOfTheCorpusIsReadFromTheSheetAlone() throws Exception {
        BufferedImage photo = CorpusScans.frame("IMG_20170719_161059.jpg", 0);
        try (OcrPool pool = VietnameseOcr.pool(1)) {
            PageText text = pool.read(new PageImage(1, photo, 235)).get();
            BufferedImage read = text.image().image();
            assertTrue(read.getWidth() < photo.getWidth() * 0.9 && read.getHeight() < photo.getHeight() * 0.95,
                    "the desk is cut away: " + read.getWidth() + "x" + read.getHeight());
            assertTrue(read.getRaster().getSample(10, 10, 0) > 150, "the top left corner is paper");
            assertTrue(text.text().contains("BIÊN BẢN") && text.text().contains("Đỗ Phương Ánh"), text.text());
            assertTrue(text.text().lines().anyMatch("MẬT"::equals), "the red secrecy stamp is read: " + text.text());
        }
    }

    private static BufferedImage sheet(int width, int height) {
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = sheet.createGraphics();
        g.setColor(new Color(235, 235, 235));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 28));
        for (int y = 150; y < height - 150; y += 60) {
            g.drawString("Liên đoàn Lao động tỉnh tổ chức Tháng Công nhân", 120, y);
        }
        g.dispose();
        return sheet;
    }
}
