package vn.sohoa.api.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTest {

    @Test
    void theTextIsEscapedAndTheMarksKept() {
        assertEquals("Ban &lt;b&gt;<mark>Công</mark>&lt;/b&gt; &amp; 06/KH", Snippets.escaped("Ban <b><mark>Công</mark></b> & 06/KH"));
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
