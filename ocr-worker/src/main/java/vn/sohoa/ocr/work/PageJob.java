package vn.sohoa.ocr.work;

import com.fasterxml.jackson.core.JsonProcessingException;
import vn.sohoa.core.document.Json;

/**
 * One page to OCR, as a message carries it: where the page is in the document's original, which is
 * in object storage already; not its pixels. The worker renders or decodes the page itself.
 *
 * @param document the document's id, also its original's
 * @param page     the page's number in the document, from 1
 * @param source   how the page is made: {@link #PDF_PAGE} or {@link #IMAGE_FRAME}
 * @param index    the PDF page or image frame it is made from, from 0
 * @param dpi      a PDF page's render resolution; an image frame's own resolution is read off the file
 * @param colour   whether a PDF page is rendered in colour (it holds a colour scan)
 */
public record PageJob(String document, int page, String source, int index, int dpi, boolean colour) {

    public static final String PDF_PAGE = "pdf-page";
    public static final String IMAGE_FRAME = "image-frame";

    public static PageJob pdfPage(String document, int index, int dpi, boolean colour) {
        return new PageJob(document, index + 1, PDF_PAGE, index, dpi, colour);
    }

    public static PageJob imageFrame(String document, int index) {
        return new PageJob(document, index + 1, IMAGE_FRAME, index, 0, true);
    }

    public String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PageJob fromJson(String json) {
        try {
            return Json.MAPPER.readValue(json, PageJob.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a page job: " + json, e);
        }
    }

    /** The page's key among pages waiting to be read. */
    public String key() {
        return document + "/" + page;
    }
}
