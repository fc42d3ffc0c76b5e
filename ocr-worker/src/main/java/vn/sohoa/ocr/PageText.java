package vn.sohoa.ocr;

/**
 * What OCR read on one page.
 *
 * @param text       the page's text, Unicode NFC, lines separated by newlines
 * @param confidence Tesseract's mean word confidence, 0-100
 * @param rotation   degrees the page was turned clockwise to make it upright before reading (0, 90, 180, 270)
 */
public record PageText(int number, String text, float confidence, int rotation) {
}
