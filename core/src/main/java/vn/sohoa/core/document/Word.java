package vn.sohoa.core.document;

/**
 * A word read by OCR, with its box in the pixels of the page image that was read (after the page was
 * turned upright) and Tesseract's confidence (0-100). {@code line} numbers the lines of the page in
 * reading order.
 */
public record Word(String text, int x, int y, int width, int height, float confidence, int line) {
}
