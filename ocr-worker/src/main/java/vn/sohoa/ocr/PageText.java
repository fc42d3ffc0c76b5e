package vn.sohoa.ocr;

import java.util.List;
import vn.sohoa.core.document.Word;

/**
 * What OCR read on one page.
 *
 * @param text       the page's text in reading order, Unicode NFC, lines separated by newlines
 * @param confidence Tesseract's mean word confidence, 0-100
 * @param rotation   degrees the page was turned clockwise to make it upright before reading (0, 90, 180, 270)
 * @param width      width of the upright image the word boxes refer to
 * @param height     height of that image
 * @param words      the words with their boxes, in reading order
 * @param image      the image that was read, to be handed on once (see {@link #withoutImage}); null after that
 */
public record PageText(int number, String text, float confidence, int rotation, int width, int height,
                       List<Word> words, UprightImage image) {

    /** The same text without the image, so that a page waiting for its turn does not hold its pixels. */
    public PageText withoutImage() {
        return new PageText(number, text, confidence, rotation, width, height, words, null);
    }
}
