package vn.sohoa.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MergedSegmentsTest {

    private static final long GB = 1L << 30;

    @Test
    void anArchiveOfUpToTwelveGigabytesOfIndexIsMergedIntoThreeSegments() {
        assertEquals(3, MergedSegments.forIndexOf(0));
        assertEquals(3, MergedSegments.forIndexOf(2 * GB));
        assertEquals(3, MergedSegments.forIndexOf(12 * GB));
    }

    /** About a million records: three segments would each be over the 5 GB the merge policy leaves alone. */
    @Test
    void aLargerIndexIsMergedIntoSegmentsOfAtMostFourGigabytes() {
        assertEquals(4, MergedSegments.forIndexOf(12 * GB + 1));
        assertEquals(5, MergedSegments.forIndexOf(20 * GB));
        for (long bytes : new long[] {13 * GB, 20 * GB, 100 * GB + 7}) {
            long segments = MergedSegments.forIndexOf(bytes);
            assertTrue(bytes / segments <= MergedSegments.LARGEST_BYTES, bytes + " bytes in " + segments);
        }
    }
}
