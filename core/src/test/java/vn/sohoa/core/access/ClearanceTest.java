package vn.sohoa.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClearanceTest {

    @Test
    void marksAsPrintedWrittenOrTypedGiveTheirLevel() {
        assertEquals(Clearance.NONE, Clearance.ofMark(null));
        assertEquals(Clearance.NONE, Clearance.ofMark(" "));
        assertEquals(Clearance.MAT, Clearance.ofMark("MẬT"));
        assertEquals(Clearance.TOI_MAT, Clearance.ofMark("Tối mật"));
        assertEquals(Clearance.TOI_MAT, Clearance.ofMark("toi mat"));
        assertEquals(Clearance.TUYET_MAT, Clearance.ofMark("TUYỆT MẬT"));
        assertEquals(Clearance.MAT, Clearance.ofMark("Mật (hạn chế)"), "any other mark still says secret");
    }

    @Test
    void aClearanceCoversItsLevelAndTheOnesBelow() {
        assertTrue(Clearance.TOI_MAT.covers(Clearance.MAT));
        assertTrue(Clearance.TOI_MAT.covers(Clearance.TOI_MAT));
        assertFalse(Clearance.TOI_MAT.covers(Clearance.TUYET_MAT));
        assertFalse(Clearance.NONE.covers(Clearance.MAT));
        assertEquals(Clearance.TOI_MAT, Clearance.ofCode("toi-mat").orElseThrow());
    }
}
