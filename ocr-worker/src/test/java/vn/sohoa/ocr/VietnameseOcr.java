package vn.sohoa.ocr;

import java.nio.file.Path;

/** The OCR pool the tests read with: real Tesseract with the system's Vietnamese data. */
final class VietnameseOcr {

    private static final Path TESSDATA = Path.of(System.getProperty("sohoa.ocr.tessdata",
            "/usr/share/tesseract-ocr/5/tessdata"));

    private VietnameseOcr() {
    }

    static OcrPool pool(int threads) {
        return new OcrPool(new OcrSettings(TESSDATA, "vie", threads));
    }
}
