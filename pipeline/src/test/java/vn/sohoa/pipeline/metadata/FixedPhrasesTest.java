package vn.sohoa.pipeline.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FixedPhrasesTest {

    @Test
    void aYearsNameInTheSixtyYearCycleIsSpelledAsItsBranchIs() {
        assertEquals("hỗ trợ nhân dịp Tết Nguyên đán Ất Tỵ 2025", FixedPhrases.spelled("hỗ trợ nhân dịp Tết Nguyên đán Ất Ty 2025"));
        assertEquals("chăm lo Tết Xuân Tân Sửu", FixedPhrases.spelled("chăm lo Tết Xuân Tân Sứu"));
        assertEquals("NĂM GIÁP THÌN 2024", FixedPhrases.spelled("NĂM GIÁP THỈN 2024"));
        assertEquals("Công ty Tân Dân", FixedPhrases.spelled("Công ty Tân Dân"), "a place, no year's name beside it");
        assertEquals("đoàn viên Đinh Thị Tý", FixedPhrases.spelled("đoàn viên Đinh Thị Tý"));
        assertEquals("Xuân Giáp Tý 1984", FixedPhrases.spelled("Xuân Giáp Ty 1984"), "the year tells Tý from Tỵ");
        assertEquals("Xuân Ất Ty", FixedPhrases.spelled("Xuân Ất Ty"), "without the year, Ty may be either");
    }

    @Test
    void revenueAndExpenditureIsThuChi() {
        assertEquals("giao dự toán thu, chi tài chính công đoàn", FixedPhrases.spelled("giao dự toán thu, chỉ tài chính công đoàn"));
        assertEquals("chỉ đạo thu, chi", FixedPhrases.spelled("chỉ đạo thu, chi"), "\"chỉ\" elsewhere stays");
    }
}
