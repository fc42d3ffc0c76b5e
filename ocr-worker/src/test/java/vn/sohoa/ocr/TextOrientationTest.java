package vn.sohoa.ocr;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Leptonica's look at the corpus scans, as the engine takes it: on the page's small grey copy. */
class TextOrientationTest {

    @Test
    void sidewaysAndUpsideDownScansLookTurned() throws IOException {
        assertTrue(looksTurned("TTr 30-LĐLĐ.tif", 0), "the report's first page, scanned sideways");
        assertTrue(looksTurned("20160716_BC97.tiff", 1), "the report's second page, scanned upside down");
    }

    @Test
    void uprightScansDoNot() throws IOException {
        // Short last pages and tables: the projection profiles used before took these for sideways pages.
        assertFalse(looksTurned("TTr 30-LĐLĐ.tif", 1));
        assertFalse(looksTurned("20160716_BC97.tiff", 0));
        assertFalse(looksTurned("Công văn số 121 đôn đốc thu nộp kinh.tif", 1));
        assertFalse(looksTurned("DOC00364.TIF", 1));
        assertFalse(looksTurned("DOC00364.TIF", 2));
        assertFalse(looksTurned("DOC00387.TIF", 1));
    }

    @Test
    void aPageTurnedAnyWayLooksTurned() {
        BufferedImage page = SkewTest.page();
        assertFalse(TextOrientation.looksTurned(page));
        for (int degrees : new int[] {90, 180, 270}) {
            assertTrue(TextOrientation.looksTurned(Images.rotateClockwise(page, degrees)), "turned " + degrees);
        }
    }

    @Test
    void aBlankPageDoesNot() {
        assertFalse(TextOrientation.looksTurned(SkewTest.blank()));
    }

    private static boolean looksTurned(String file, int index) throws IOException {
        return TextOrientation.looksTurned(TesseractEngine.downscaled(Images.grey(CorpusScans.frame(file, index))));
    }
}
