package vn.sohoa.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Leptonica's look at the corpus scans, as the engine takes it: on the page's small grey copy. */
class TextOrientationTest {

    @Test
    void sidewaysAndUpsideDownScansAreTurnedUpright() throws IOException {
        assertEquals(270, rotationToUpright("TTr 30-LĐLĐ.tif", 0), "the report's first page, scanned sideways");
        assertEquals(180, rotationToUpright("20160716_BC97.tiff", 1), "the report's second page, scanned upside down");
    }

    @Test
    void uprightScansStayAsTheyAre() throws IOException {
        // Short last pages and tables: the projection profiles used before took these for sideways pages.
        assertEquals(0, rotationToUpright("TTr 30-LĐLĐ.tif", 1));
        assertEquals(0, rotationToUpright("20160716_BC97.tiff", 0));
        assertEquals(0, rotationToUpright("Công văn số 121 đôn đốc thu nộp kinh.tif", 1));
        assertEquals(0, rotationToUpright("DOC00364.TIF", 1));
        assertEquals(0, rotationToUpright("DOC00364.TIF", 2));
        assertEquals(0, rotationToUpright("DOC00387.TIF", 1));
    }

    @Test
    void aPageTurnedAnyWayIsTurnedBack() {
        BufferedImage page = SkewTest.page();
        assertEquals(0, TextOrientation.rotationToUpright(page));
        for (int degrees : new int[] {90, 180, 270}) {
            assertEquals((360 - degrees) % 360, TextOrientation.rotationToUpright(Images.rotateClockwise(page, degrees)),
                    "turned " + degrees);
        }
    }

    @Test
    void aBlankPageStaysAsItIs() {
        assertEquals(0, TextOrientation.rotationToUpright(SkewTest.blank()));
    }

    private static int rotationToUpright(String file, int index) throws IOException {
        return TextOrientation.rotationToUpright(TesseractEngine.downscaled(Images.grey(CorpusScans.frame(file, index))));
    }
}
