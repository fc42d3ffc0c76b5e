package vn.sohoa.ocr.work;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.sohoa.core.document.Word;
import vn.sohoa.ocr.PageText;
import vn.sohoa.ocr.PdfPageImage;

class PageOutcomeTest {

    @Test
    void aResultIsReadBackAsItWasStored() throws Exception {
        byte[] jpeg = new byte[70_000];
        new Random(17).nextBytes(jpeg);
        String text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc";
        List<Word> words = List.of(new Word("CỘNG", 210, 180, 160, 42, 96.5f, 0),
                new Word("Hạnh", 940, 250, 150, 40, 71.25f, 1), new Word("", 0, 0, 0, 0, 0f, 2));
        PageResult result = new PageResult(new PageText(7, text, 88.5f, 270, 2480, 3508, words, null),
                new PdfPageImage(PdfPageImage.JPEG_GREY, 2480, 3508, 300, jpeg));

        PageResult read = PageOutcome.result(PageOutcome.of(result));

        assertEquals(result.text(), read.text());
        assertEquals(result.pdfImage().encoding(), read.pdfImage().encoding());
        assertEquals(List.of(2480, 3508, 300),
                List.of(read.pdfImage().width(), read.pdfImage().height(), read.pdfImage().dpi()));
        assertArrayEquals(jpeg, read.pdfImage().bytes());
        assertNull(PageOutcome.unreadable(PageOutcome.of(result)));
    }

    @Test
    void anUnreadablePageIsReadBackWithItsCause() throws Exception {
        byte[] stored = PageOutcome.of(new UnreadablePage(UnreadablePage.Cause.TOO_COMPLEX, "Trang cần quá nhiều bộ nhớ"));

        UnreadablePage read = PageOutcome.unreadable(stored);

        assertEquals(UnreadablePage.Cause.TOO_COMPLEX, read.why());
        assertEquals("Trang cần quá nhiều bộ nhớ", read.getMessage());
        assertNull(PageOutcome.result(stored));
    }
}
