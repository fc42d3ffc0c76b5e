package vn.sohoa.ocr;

import java.awt.image.BufferedImage;

/**
 * The page image as OCR read it: turned upright, deskewed and grey. The word boxes of
 * {@link PageText} are in its pixels, so a digitised copy that shows it can lay the text over it.
 *
 * @param dpi     its resolution: the scan's, or {@link TesseractEngine#TARGET_DPI} when the scan was scaled to it
 * @param bilevel whether the scan was black and white only
 */
public record UprightImage(BufferedImage image, int dpi, boolean bilevel) {
}
