package vn.sohoa.api.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedQueryTest {

    @Test
    void separatesPhrasesFromWords() throws BadQueryException {
        ParsedQuery q = ParsedQuery.parse("kế hoạch \"chuyển đổi số\" 2024 “văn phòng điện tử”");
        assertEquals("kế hoạch 2024", q.words());
        assertEquals(List.of("chuyển đổi số", "văn phòng điện tử"), q.phrases());
    }

    @Test
    void normalisesDecomposedInput() throws BadQueryException {
        String nfd = Normalizer.normalize("công đoàn", Normalizer.Form.NFD);
        assertEquals("công đoàn", ParsedQuery.parse(nfd).words());
    }

    @Test
    void emptyQueryIsEmpty() throws BadQueryException {
        assertTrue(ParsedQuery.parse("  \"\" ").isEmpty());
        assertTrue(ParsedQuery.parse(null).isEmpty());
    }

    @Test
    void unbalancedQuoteIsRefusedWithAReason() {
        BadQueryException e = assertThrows(BadQueryException.class, () -> ParsedQuery.parse("\"công đoàn"));
        assertTrue(e.getMessage().contains("ngoặc kép"));
    }
}
