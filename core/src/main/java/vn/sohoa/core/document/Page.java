package vn.sohoa.core.document;

import java.util.List;

/**
 * The text of one page, in Unicode NFC.
 *
 * @param method     "text-layer" when the text came from the file itself, "ocr" when it was read by Tesseract
 * @param confidence Tesseract's mean word confidence (0-100) for an OCRed page, null otherwise
 * @param rotation   degrees the page image was turned clockwise before OCR (0, 90, 180, 270); null without OCR
 * @param width      width in pixels of the image the word boxes refer to; null without OCR
 * @param height     height in pixels of that image; null without OCR
 * @param words      the OCRed words with their boxes, in reading order; empty without OCR
 */
public record Page(int number, String text, String method, Float confidence, Integer rotation, Integer width,
                   Integer height, List<Word> words) {

    public static final String TEXT_LAYER = "text-layer";
    public static final String OCR = "ocr";

    public static Page textLayer(int number, String text) {
        return new Page(number, text, TEXT_LAYER, null, null, null, null, List.of());
    }

    public Page {
        words = words == null ? List.of() : List.copyOf(words);
    }
}
