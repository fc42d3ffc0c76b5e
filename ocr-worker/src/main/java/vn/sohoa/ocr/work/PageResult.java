package vn.sohoa.ocr.work;

import vn.sohoa.ocr.PageText;
import vn.sohoa.ocr.PdfPageImage;

/**
 * A page read: its text and word boxes (without the image), and the image its PDF/A page shows,
 * already encoded by the worker that read it.
 */
public record PageResult(PageText text, PdfPageImage pdfImage) {
}
