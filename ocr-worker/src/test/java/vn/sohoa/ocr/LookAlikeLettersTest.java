package vn.sohoa.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LookAlikeLettersTest {

    @Test
    void lettersVietnameseNeverUsesAreReadAsTheOnesTheyStandFor() {
        assertEquals("LĐLĐ", LookAlikeLetters.toVietnamese("LĐLÐ"));
        assertEquals("121/CĐN", LookAlikeLetters.toVietnamese("121/CĐÐN"), "one Đ read twice");
        assertEquals("đoàn", LookAlikeLetters.toVietnamese("ðoàn"));
        assertEquals("**Hoàng", LookAlikeLetters.toVietnamese("**Høàng"));
    }

    @Test
    void vietnameseTextIsLeftAsItIs() {
        assertEquals("Phạm Thị Hồng Ánh", LookAlikeLetters.toVietnamese("Phạm Thị Hồng Ánh"));
    }
}
