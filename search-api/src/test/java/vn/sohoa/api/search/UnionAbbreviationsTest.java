package vn.sohoa.api.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class UnionAbbreviationsTest {

    @Test
    void fullFormsAndAbbreviationsFindEachOther() {
        Set<String> variants = UnionAbbreviations.variants("Lien doan Lao dong tinh Dong Nai");
        assertTrue(variants.contains("lien doan lao dong tinh dong nai"));
        assertTrue(variants.contains("ldld tinh dong nai"), variants.toString());
        assertTrue(UnionAbbreviations.variants("cdcs").contains("cong doan co so"));
    }

    @Test
    void onlyWholeWordsAreReplaced() {
        Set<String> variants = UnionAbbreviations.variants("ldldx");
        assertTrue(variants.size() == 1, variants.toString());
    }
}
