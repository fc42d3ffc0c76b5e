package vn.sohoa.api.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.sohoa.core.text.VietnameseText;

class SnippetsTest {

    private static final String ORIGINAL = "Ban Chấp hành Công đoàn cơ sở & <các> đơn vị";

    @Test
    void restoresDiacriticsAroundMarksFoundInFoldedText() {
        String fragment = "Ban Chap hanh <mark>Cong</mark> <mark>doan</mark> co so & <cac> don vi";
        String snippet = Snippets.restore(fragment, ORIGINAL, VietnameseText.fold(ORIGINAL));
        assertEquals("Ban Chấp hành <mark>Công</mark> <mark>đoàn</mark> cơ sở &amp; &lt;các&gt; đơn vị", snippet);
    }

    @Test
    void fragmentNotFoundIsReturnedEscaped() {
        assertEquals("a &lt;b&gt; <mark>c</mark>", Snippets.restore("a <b> <mark>c</mark>", "xyz", "xyz"));
    }

    @Test
    void queryWithDiacriticsMarksOnlyExactWords() {
        String snippet = "<mark>Công</mark> <mark>đoàn</mark> <mark>có</mark> <mark>cơ</mark> <mark>sở</mark>";
        assertEquals("<mark>Công</mark> <mark>đoàn</mark> có <mark>cơ</mark> <mark>sở</mark>",
                Snippets.keepExactMarks(snippet, List.of("công", "đoàn", "cơ", "sở")));
        assertEquals(snippet, Snippets.keepExactMarks(snippet, List.of("cong", "doan", "co", "so")));
    }

    @Test
    void markedWordsAreReadAsTheDocumentWritesThem() {
        assertEquals(List.of("Công", "đoàn"), Snippets.markedWords("Ban <mark>Công</mark> <mark>đoàn</mark> cơ sở"));
    }

    @Test
    void aPhraseMarkedWholeStaysMarkedWhenEachOfItsWordsWasTyped() {
        String snippet = "Kế hoạch số <mark>431/KH-LĐLĐ</mark> và <mark>công đoàn cơ sở</mark>";
        assertEquals(snippet, Snippets.keepExactMarks(snippet, List.of("431", "KH", "LĐLĐ", "công", "đoàn", "cơ", "sở")));
        assertEquals("Kế hoạch số 431/KH-LĐLĐ và <mark>công đoàn cơ sở</mark>",
                Snippets.keepExactMarks(snippet, List.of("LĐLĐ", "công", "đoàn", "cơ", "sở")));
        assertEquals(List.of("431", "KH", "LĐLĐ", "công", "đoàn", "cơ", "sở"), Snippets.markedWords(snippet));
    }

    @Test
    void oldAndNewTonePlacementAreTheSameWord() {
        assertEquals("<mark>hoà</mark> bình", Snippets.keepExactMarks("<mark>hoà</mark> bình", List.of("hòa")));
    }
}
