package vn.sohoa.ocr;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.FloatByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The few functions of the system's Leptonica (the image library Tesseract is built on) that sohoa
 * calls itself. lept4j cannot be used: it looks for {@code libleptonica.so}, which Debian 12 calls
 * {@code liblept.so.5} (Leptonica 1.83 and later are {@code libleptonica} again).
 */
interface Leptonica extends Library {

    Leptonica LIB = load();

    private static Leptonica load() {
        try {
            return Native.load("lept", Leptonica.class);
        } catch (UnsatisfiedLinkError e) {
            return Native.load("leptonica", Leptonica.class);
        }
    }

    Pointer pixCreate(int width, int height, int depth);

    int pixGetWpl(Pointer pix);

    Pointer pixGetData(Pointer pix);

    int pixOrientDetect(Pointer pix, FloatByReference upConfidence, FloatByReference leftConfidence, int minCount,
            int debug);

    void pixDestroy(PointerByReference pix);
}
