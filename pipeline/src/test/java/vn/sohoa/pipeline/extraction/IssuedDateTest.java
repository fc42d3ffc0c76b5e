package vn.sohoa.pipeline.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IssuedDateTest {

    @Test
    void readsThePlaceAndDateLine() {
        assertEquals(Optional.of(LocalDate.of(2024, 1, 18)),
                IssuedDate.find("LĐLĐ TỈNH BÌNH PHƯỚC\nSố: 06/CTr-LĐLĐ\nBình Phước, ngày 18 tháng 01 năm 2024\nCHƯƠNG TRÌNH"));
        assertEquals(Optional.of(LocalDate.of(2021, 6, 11)), IssuedDate.find("Bù Đốp, Ngày 11 tháng 6 năm 2021"));
    }

    @Test
    void skipsImpossibleDatesAndFindsNoneWhenAbsent() {
        assertEquals(Optional.of(LocalDate.of(2017, 3, 2)),
                IssuedDate.find("ngày 38 tháng 13 năm 2017 ... Đồng Xoài, ngày 02 tháng 3 năm 2017"));
        assertTrue(IssuedDate.find("Kính gửi các công đoàn cơ sở").isEmpty());
        assertTrue(IssuedDate.find(null).isEmpty());
    }
}
