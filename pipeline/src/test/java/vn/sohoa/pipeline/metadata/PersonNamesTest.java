package vn.sohoa.pipeline.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PersonNamesTest {

    @Test
    void aGivenNameNoListHoldsIsTheCommonestListedOneThatReadsAlike() {
        assertEquals(Optional.of("Hoàng Thị Thu Trinh"), PersonNames.withListedGivenName("Hoàng Thị Thu Trỉnh"));
        assertEquals(Optional.of("Phạm Thùy Tâm"), PersonNames.withListedGivenName("Phạm Thùy Tầm"));
        assertEquals(Optional.of("Lê Thị Vân"), PersonNames.withListedGivenName("Lê Thị Văn"),
                "Văn is a middle name, not a given name");
    }

    @Test
    void aListedGivenNameOrOneNoneReadsLikeIsLeftAlone() {
        assertEquals(Optional.empty(), PersonNames.withListedGivenName("Nguyễn Thị Ngọc Phượng"));
        assertEquals(Optional.empty(), PersonNames.withListedGivenName("Trần Thị Thuỷ"),
                "the old placement of the tone mark is the same name");
        assertEquals(Optional.empty(), PersonNames.withListedGivenName("Nguyễn Văn An"));
        assertEquals(Optional.empty(), PersonNames.withListedGivenName("Điểu Lem"));
    }
}
