package vn.sohoa.ocr;

import java.awt.image.BufferedImage;

/** One page to OCR: its number in the document (from 1), its pixels and their resolution. */
public record PageImage(int number, BufferedImage image, int dpi) {
}
