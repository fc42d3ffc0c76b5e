package vn.sohoa.ocr;

import java.nio.file.Path;

/**
 * @param tessdata the folder holding {@code LANG.traineddata} and {@code osd.traineddata}
 * @param language Tesseract languages, for example {@code vie} or {@code vie+eng}
 * @param threads  pages read at once; each thread owns one Tesseract handle
 */
public record OcrSettings(Path tessdata, String language, int threads) {
}
