package vn.sohoa.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndexEntryTest {

    @Test
    void aNameEndsWithWhatASealOverItsStartLeavesToRead() {
        assertEquals(List.of("Thu Phượng", "hu Phượng"), IndexEntry.nameEndings("Lý Thu Phượng"));
        assertEquals(List.of("Thị Loan", "han Thị Loan", "an Thị Loan", "hị Loan"), IndexEntry.nameEndings("Phan Thị Loan"));
        assertEquals(List.of("ễn Khoa", "guyễn Khoa", "uyễn Khoa", "yễn Khoa").stream().sorted().toList(),
                IndexEntry.nameEndings("Nguyễn Khoa").stream().sorted().toList());
        assertEquals(List.of(), IndexEntry.nameEndings("Khoa"));
    }
}
