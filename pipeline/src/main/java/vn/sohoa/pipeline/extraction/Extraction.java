package vn.sohoa.pipeline.extraction;

import java.util.List;
import java.util.Map;
import vn.sohoa.core.document.Page;

/**
 * What was read from a file.
 *
 * @param contentType the type detected from the content, not the name
 * @param method      "text" (born-digital), "ocr" (scanned) or "mixed"
 * @param title       the title stored in the file's properties, if any
 */
public record Extraction(String contentType, String method, String title, Map<String, String> properties,
                         List<Page> pages) {

    static String methodOf(List<Page> pages) {
        boolean ocr = pages.stream().anyMatch(p -> Page.OCR.equals(p.method()));
        boolean text = pages.stream().anyMatch(p -> Page.TEXT_LAYER.equals(p.method()));
        return ocr && text ? "mixed" : ocr ? "ocr" : "text";
    }
}
