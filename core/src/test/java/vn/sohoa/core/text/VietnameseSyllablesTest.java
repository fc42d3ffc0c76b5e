package vn.sohoa.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VietnameseSyllablesTest {

    @Test
    void twoSyllablesRunTogetherAreSetApartOnlyWhenTheySplitOneWay() {
        assertEquals("VIỆT NAM", VietnameseSyllables.apart("VIỆTNAM"));
        assertEquals("ĐỒNG NAI", VietnameseSyllables.apart("ĐỒNGNAI"));
        assertEquals("CHỦ TỊCH", VietnameseSyllables.apart("CHỦTỊCH"));
        assertEquals("NGHIÊNG", VietnameseSyllables.apart("NGHIÊNG"), "a syllable stays whole");
        assertEquals("LĐLĐ", VietnameseSyllables.apart("LĐLĐ"), "an abbreviation stays as it is");
    }
}
