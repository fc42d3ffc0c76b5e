package vn.sohoa.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    @Test
    void keepsTheVietnameseNameAndGivesAnAsciiFallback() {
        assertEquals("attachment; filename=\"Cong van so 121.tif\"; "
                        + "filename*=UTF-8''C%C3%B4ng%20v%C4%83n%20s%E1%BB%91%20121.tif",
                ContentDisposition.attachment("Công văn số 121.tif"));
    }

    @Test
    void quotesAndBackslashesCannotBreakTheHeader() {
        assertEquals("attachment; filename=\"a_b_.pdf\"; filename*=UTF-8''a%22b%5C.pdf",
                ContentDisposition.attachment("a\"b\\.pdf"));
    }
}
