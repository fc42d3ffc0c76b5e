package vn.sohoa.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class VietnameseTextTest {

    @Test
    void foldRemovesEveryMarkAndKeepsLength() {
        String text = "Liên đoàn Lao động tỉnh Bình Phước: CÔNG ĐOÀN CƠ SỞ ứng dụng chuyển đổi số";
        String folded = VietnameseText.fold(text);
        assertEquals("Lien doan Lao dong tinh Binh Phuoc: CONG DOAN CO SO ung dung chuyen doi so", folded);
        assertEquals(text.length(), folded.length());
    }

    @Test
    void foldAcceptsDecomposedInput() {
        String nfd = Normalizer.normalize("Nghệ An đổi mới", Normalizer.Form.NFD);
        assertEquals("Nghe An doi moi", VietnameseText.fold(nfd));
        assertEquals("Nghệ An đổi mới", VietnameseText.nfc(nfd));
    }

    @Test
    void detectsDiacritics() {
        assertTrue(VietnameseText.hasDiacritics("công đoàn"));
        assertTrue(VietnameseText.hasDiacritics("dd đ"));
        assertFalse(VietnameseText.hasDiacritics("cong doan co so 2024"));
    }

    @Test
    void canonicalUnifiesOldAndNewTonePlacement() {
        assertEquals("hòa", VietnameseText.canonical("hoà"));
        assertEquals("Cộng hòa xã hội", VietnameseText.canonical("Cộng hoà xã hội"));
        assertEquals("thủy lợi", VietnameseText.canonical("thuỷ lợi"));
        assertEquals("Ủy ban", VietnameseText.canonical("Uỷ ban"));
        assertEquals("khỏe", VietnameseText.canonical("khoẻ"));
        assertEquals("quý", VietnameseText.canonical("quý"));
        assertEquals("hoàn thành", VietnameseText.canonical("hoàn thành"));
        assertEquals("CỘNG HÒA", VietnameseText.canonical("CỘNG HOÀ"));
    }
}
