package vn.sohoa.pipeline.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PersonNamesTest {

    @Test
    void aGivenNameMisreadInItsTonesIsTheGivenNameThatReadsAlike() {
        assertEquals("Hoàng Thị Thu Trinh", PersonNames.read("Hoàng Thị Thu Trỉnh", 0.8).orElseThrow().value());
        assertEquals("Phạm Thùy Tâm", PersonNames.read("Phạm Thùy Tầm", 0.8).orElseThrow().value());
        assertEquals("Lê Thị Vân", PersonNames.read("Lê Thị Văn", 0.8).orElseThrow().value(),
                "Văn is a middle name, not a given name");
        assertTrue(PersonNames.read("Phạm Thùy Tầm", 0.8).orElseThrow().confidence() < 0.8, "less sure than as read");
    }

    @Test
    void aGivenNameTheListHoldsOrNoneReadsLikeIsKeptAsRead() {
        PersonNames.Name name = PersonNames.read("Nguyễn Thị Ngọc Phượng", 0.8).orElseThrow();
        assertEquals("Nguyễn Thị Ngọc Phượng", name.value());
        assertEquals(0.8, name.confidence());
        assertEquals("Trần Thị Thuỷ", PersonNames.read("Trần Thị Thuỷ", 0.8).orElseThrow().value(),
                "the old placement of the tone mark is the same name");
        assertEquals("Điểu Lem", PersonNames.read("Điểu Lem", 0.8).orElseThrow().value());
    }
}
