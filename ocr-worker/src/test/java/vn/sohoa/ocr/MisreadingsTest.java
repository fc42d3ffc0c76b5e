package vn.sohoa.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MisreadingsTest {

    @Test
    void lettersVietnameseNeverUsesAreReadAsTheOnesTheyStandFor() {
        assertEquals("LĐLĐ", Misreadings.corrected("LĐLÐ"));
        assertEquals("121/CĐN", Misreadings.corrected("121/CĐÐN"), "one Đ read twice");
        assertEquals("đoàn", Misreadings.corrected("ðoàn"));
        assertEquals("**Hoàng", Misreadings.corrected("**Høàng"));
    }

    @Test
    void rulesAreNoText() {
        assertEquals("", Misreadings.corrected("|"));
        assertEquals("", Misreadings.corrected("||"));
        assertEquals("", Misreadings.corrected("__"));
        assertEquals("2", Misreadings.corrected("2_"));
        assertEquals("Lâm", Misreadings.corrected("|Lâm"));
        assertEquals("CĐCS", Misreadings.corrected("CĐCS|"));
        assertEquals("", Misreadings.corrected("¡"), "a rule broken in black and white");
        assertEquals("5", Misreadings.corrected("¡5"));
    }

    @Test
    void vietnameseTextIsLeftAsItIs() {
        assertEquals("Phạm Thị Hồng Ánh", Misreadings.corrected("Phạm Thị Hồng Ánh"));
        assertEquals("(b/c);", Misreadings.corrected("(b/c);"));
    }
}
