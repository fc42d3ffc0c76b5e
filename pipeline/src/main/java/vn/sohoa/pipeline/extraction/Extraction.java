package vn.sohoa.pipeline.extraction;

import java.util.List;
import java.util.Map;
import vn.sohoa.core.document.Page;
import vn.sohoa.pipeline.pdfa.SearchablePdf;

/**
 * What was read from a file.
 *
 * @param contentType the type detected from the content, not the name
 * @param method      "text" (born-digital), "ocr" (scanned) or "mixed"
 * @param title       the title stored in the file's properties, if any
 * @param digitised   the two-layer PDF/A copy, not yet saved, when at least one page was OCRed; null
 *                    otherwise. Whoever takes the extraction closes it.
 */
public record Extraction(String contentType, String method, String title, Map<String, String> properties,
                         List<Page> pages, SearchablePdf digitised) {

    static String methodOf(List<Page> pages) {
        boolean ocr = pages.stream().anyMatch(p -> Page.OCR.equals(p.method()));
        boolean text = pages.stream().anyMatch(p -> Page.TEXT_LAYER.equals(p.method()));
        return ocr && text ? "mixed" : ocr ? "ocr" : "text";
    }
}
