package vn.sohoa.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.sohoa.core.document.Word;

/** The signer's block under a seal and signature, read from corpus scans with real Tesseract. */
class SignatureBlockTest {

    private static OcrPool pool;

    @BeforeAll
    static void startPool() {
        pool = VietnameseOcr.pool(2);
    }

    @AfterAll
    static void stopPool() throws InterruptedException {
        pool.close();
    }

    @Test
    void theBlockUnderAGreySealIsReadAfterTheRecipients() throws Exception {
        // Tesseract's page layout takes this block for a picture: the page's own reading has none of it.
        String text = pool.read(new PageImage(1, CorpusScans.frame("20250921_100756.jpg", 0), 300)).get().text();
        String footer = text.substring(text.indexOf("Nơi nhận"));
        assertTrue(footer.matches("(?s).*Lưu: VT; TG\\.\\s+TM\\. BAN THƯỜNG VỤ\\s+CHỦ TỊCH\\s+Phạm Thị Hồng Ánh\\s*"), footer);
    }

    @Test
    void theNameUnderASealAndSignatureOnAGreyTwoHundredDpiScanIsRead() throws Exception {
        String text = pool.read(new PageImage(1, CorpusScans.frame("Công văn số 121 đôn đốc thu nộp kinh.tif", 0), 200)).get().text();
        String footer = text.substring(text.indexOf("Nơi nhận"));
        assertTrue(footer.contains("PHÓ CHỦ TỊCH") && footer.contains("Xuân Phong"), footer);
        assertTrue(footer.indexOf("Xuân Phong") > footer.indexOf("Lưu: VT."), "the signer after the recipients: " + footer);
    }

    @Test
    void aNameTouchingASealRingOnAnUpsideDownPageIsReadWhole() throws Exception {
        // The block's own reading has the family name doubtful, with the ring's edge read as a mark before it.
        String text = pool.read(new PageImage(2, CorpusScans.frame("20160716_BC97.tiff", 1), 300)).get().text();
        assertTrue(text.strip().endsWith("Trần Mỹ Hạnh"), text.substring(text.indexOf("Nơi nhận")));
    }

    @Test
    void inMinutesOnAPhonePhotoTheRightSignersNameIsReadUnderATitleWithATallFirstWord() throws Exception {
        // "TRƯỞNG" reads twice as tall as the title's other words; the row of titles is found all the same.
        BufferedImage photo = CorpusScans.frame("IMG_20170719_161059.jpg", 0);
        String text = pool.read(new PageImage(1, photo, 274)).get().text();
        assertTrue(text.strip().endsWith("TRƯỞNG ĐOÀN KIỂM TRA\nĐỗ Phương Ánh"), text.substring(text.indexOf("ĐẠI DIỆN")));
    }

    @Test
    void theBlockIsRightOfTheRecipientsFromTheirLineDown() {
        List<List<Word>> lines = List.of(
                List.of(word("Nơi", 200, 1000), word("nhận:", 280, 1000)),
                List.of(word("-", 200, 1050), word("Lưu:", 230, 1050), word("VT.", 330, 1050)),
                List.of(word("Tổng", 200, 500), word("cộng", 330, 500), word("các", 460, 500), word("đơn", 1500, 500)));
        Optional<Rectangle> region = SignatureBlock.region(lines, 2000, 3000);
        assertTrue(region.isPresent());
        assertTrue(region.get().x >= 800 && region.get().x > 330 + 90, "right of the recipients: " + region.get());
        assertTrue(region.get().y < 1000 && region.get().y >= 1000 - 40, "from about the recipients' line: " + region.get());
        assertEquals(1500 + 90 + 40, region.get().x + region.get().width, "up to where text ends: " + region.get());
        assertTrue(SignatureBlock.region(lines.subList(1, 3), 2000, 3000).isEmpty(), "no recipients, no block");
        List<List<Word>> sentence = List.of(List.of(word("gửi", 200, 1000), word("về", 300, 1000), word("nơi", 400, 1000),
                word("nhận", 500, 1000), word("hồ", 600, 1000), word("sơ", 700, 1000)));
        assertTrue(SignatureBlock.region(sentence, 2000, 3000).isEmpty(), "\"nơi nhận\" inside a sentence is no label");
    }

    @Test
    void aSpeckReadBeforeTheLabelDoesNotHideIt() {
        List<List<Word>> lines = List.of(
                List.of(new Word("-", 170, 1020, 3, 4, 30, 0), word("Nơi", 200, 1000), word("nhận:", 280, 1000)),
                List.of(word("-", 200, 1050), word("Lưu:", 230, 1050), word("VT.", 330, 1050)),
                List.of(word("Tổng", 200, 500), word("cộng", 330, 500), word("các", 460, 500), word("đơn", 1500, 500)));
        Rectangle region = SignatureBlock.region(lines, 2000, 3000).orElseThrow();
        assertTrue(region.y < 1000 && region.x > 330 + 90, "right of the recipients: " + region);
    }

    @Test
    void onALastPageHoldingLittleMoreThanTheSignatureTheBlockReachesThePageEdge() {
        // No line of text runs across the page to tell where text ends: the recipients are the longest lines.
        List<List<Word>> lines = List.of(
                List.of(word("Nơi", 200, 300), word("nhận:", 280, 300)),
                List.of(word("-", 200, 350), word("Thường", 230, 350), word("trực", 330, 350), word("LĐLĐ", 430, 350),
                        word("tỉnh;", 530, 350)),
                List.of(word("-", 200, 400), word("Lưu:", 230, 400), word("VT.", 330, 400)),
                List.of(word("TM.", 1200, 300), word("BAN", 1300, 300)));
        Rectangle region = SignatureBlock.region(lines, 2000, 3000).orElseThrow();
        assertEquals(2000, region.x + region.width, "up to the page's edge: " + region);
        assertTrue(region.x > 530 + 90, "right of the recipients: " + region);
    }

    @Test
    void inMinutesTheBlockIsTheRightOfTwoTitlesSideBySide() {
        List<List<Word>> lines = List.of(
                List.of(word("Biên", 200, 1500), word("bản", 300, 1500), word("kết", 400, 1500), word("thúc", 500, 1500),
                        word("hồi", 600, 1500), word("16", 700, 1500), word("giờ", 800, 1500), word("./.", 1700, 1500)),
                List.of(word("ĐẠI", 300, 1600), word("DIỆN", 400, 1600), word("ĐƠN", 500, 1600), word("VỊ", 600, 1600),
                        word("TRƯỞNG", 1200, 1605), word("ĐOÀN", 1300, 1605), word("KIỂM", 1400, 1605), word("TRA", 1500, 1605)),
                List.of(word("Điểu", 350, 1900), word("Mỹ", 450, 1900), word("Quyên", 550, 1900)));
        Rectangle region = SignatureBlock.region(lines, 2000, 3000).orElseThrow();
        assertEquals(1605 - 40, region.y);
        assertTrue(region.x > 690 && region.x <= 1200, "right of the left signer: " + region);
        assertTrue(SignatureBlock.region(lines.subList(0, 1), 2000, 3000).isEmpty(), "no titles, no block");
        List<List<Word>> tableHeader = List.of(List.of(word("TÊN", 300, 1600), word("ĐƠN", 400, 1600),
                word("VỊ", 500, 1600), word("SỐ", 900, 1600), word("LƯỢNG", 1000, 1600), word("GHI", 1400, 1600),
                word("CHÚ", 1500, 1600)));
        assertTrue(SignatureBlock.region(tableHeader, 2000, 3000).isEmpty(), "a table's header row is no pair of titles");
    }

    @Test
    void eachRowComesFromTheReadingThatReadItBetterAndStrokesAreLeftOut() {
        Rectangle region = new Rectangle(1000, 900, 900, 800);
        List<List<Word>> page = List.of(
                List.of(word("Nơi", 200, 1000), word("nhận:", 280, 1000)),
                List.of(word("TM.", 1100, 1000), word("BAN", 1200, 1000), word("THƯỜNG", 1300, 1000), word("VỤ", 1500, 1000)),
                List.of(new Word("àPhạm", 1100, 1400, 90, 40, 82, 2), new Word("Hồng", 1200, 1400, 90, 40, 19, 2),
                        word("Ánh", 1300, 1400)));
        List<List<Word>> block = List.of(
                List.of(new Word("TM.BANTHƯỜNGVỤ", 1100, 1000, 400, 40, 39, 0)),
                List.of(new Word("“00005", 1100, 1200, 90, 40, 11, 1), new Word("#Z", 1200, 1200, 90, 40, 5, 1)),
                List.of(word("Phạm", 1100, 1400), word("Thị", 1200, 1400), word("Hồng", 1300, 1400), word("Ánh", 1400, 1400)));
        SignatureBlock.Layout layout = SignatureBlock.withBlock(page, region, block);
        assertEquals(List.of(List.of("Nơi", "nhận:")), texts(layout.page()));
        assertEquals(List.of(List.of("TM.", "BAN", "THƯỜNG", "VỤ"), List.of("Phạm", "Thị", "Hồng", "Ánh")),
                texts(layout.block()));
    }

    @Test
    void whenTheBlockReadAsOneHasNoNameTheNameLineOfASparseReadingIsTakenInItsPlace() {
        Rectangle region = new Rectangle(1000, 900, 900, 800);
        List<List<Word>> page = List.of(List.of(word("Nơi", 200, 1000), word("nhận:", 280, 1000)));
        List<List<Word>> block = List.of(
                List.of(word("TM.", 1100, 1000), word("BAN", 1200, 1000), word("THƯỜNG", 1300, 1000), word("VỤ", 1500, 1000)),
                List.of(word("CHỦ", 1200, 1060), word("TỊCH", 1300, 1060)));
        List<List<Word>> sparse = List.of(
                List.of(word("CHỦ", 1200, 1060), word("TỊCH", 1300, 1060)),
                List.of(new Word("“", 1100, 1200, 10, 10, 20, 2), new Word("Đồng", 1150, 1200, 90, 40, 40, 2)),
                List.of(new Word(".", 1080, 1400, 5, 5, 30, 3), word("Trần", 1100, 1400), word("Văn", 1200, 1400),
                        word("Bình", 1300, 1400)),
                List.of(new Word("-ii", 1300, 1500, 40, 20, 12, 4)));
        SignatureBlock.Layout layout = SignatureBlock.withBlock(page, region, block);
        assertTrue(!layout.hasName());
        assertEquals(List.of(List.of("TM.", "BAN", "THƯỜNG", "VỤ"), List.of("CHỦ", "TỊCH"), List.of("Trần", "Văn", "Bình")),
                texts(layout.withNameFrom(sparse).block()));
        assertEquals(texts(layout.block()), texts(layout.withNameFrom(sparse.subList(0, 2)).block()), "no name, nothing added");
    }

    @Test
    void aBlockThatHasANameLineKeepsIt() {
        Rectangle region = new Rectangle(1000, 900, 900, 800);
        List<List<Word>> block = List.of(List.of(word("CHỦ", 1200, 1060), word("TỊCH", 1300, 1060)),
                List.of(word("Xuân", 1200, 1400), word("Phong", 1300, 1400)));
        SignatureBlock.Layout layout = SignatureBlock.withBlock(List.of(), region, block);
        assertTrue(layout.hasName(), "given names left of a name under the seal are a name line");
        List<List<Word>> afterStroke = List.of(List.of(word("SỐ", 1100, 1400), word("Phạm", 1200, 1400),
                word("Thị", 1300, 1400), word("Hồng", 1400, 1400), word("Ánh", 1500, 1400)));
        assertTrue(SignatureBlock.withBlock(List.of(), region, afterStroke).hasName(), "a stroke read as capitals before the name");
        List<List<Word>> strokeAfter = List.of(List.of(word("Phạm", 1200, 1400), word("Thị", 1300, 1400),
                word("Hồng", 1400, 1400), word("Ánh", 1500, 1400), word("ẻ", 1600, 1400)));
        assertTrue(SignatureBlock.withBlock(List.of(), region, strokeAfter).hasName(), "a stroke read as a letter after it");
        List<List<Word>> sparse = List.of(List.of(word("Lê", 1100, 1400), word("Xuân", 1200, 1400), word("Phong", 1300, 1400)));
        assertEquals(texts(layout.block()), texts(layout.withNameFrom(sparse).block()));
    }

    private static List<List<String>> texts(List<List<Word>> lines) {
        return lines.stream().map(line -> line.stream().map(Word::text).toList()).toList();
    }

    private static Word word(String text, int x, int y) {
        return new Word(text, x, y, 90, 40, 95, 0);
    }

}
