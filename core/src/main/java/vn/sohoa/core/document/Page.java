package vn.sohoa.core.document;

/**
 * The text of one page, in Unicode NFC.
 *
 * @param method     "text-layer" when the text came from the file itself, "ocr" when it was read by Tesseract
 * @param confidence Tesseract's mean word confidence (0-100) for an OCRed page, null otherwise
 */
public record Page(int number, String text, String method, Float confidence) {

    public static final String TEXT_LAYER = "text-layer";
    public static final String OCR = "ocr";
}
