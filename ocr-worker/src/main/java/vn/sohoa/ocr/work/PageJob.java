package vn.sohoa.ocr.work;

import com.fasterxml.jackson.core.JsonProcessingException;
import vn.sohoa.core.document.Json;

/**
 * One page to OCR, as a message carries it: a reference to its image in object storage, not the pixels.
 *
 * @param document the document's id
 * @param page     the page's number in it, from 1
 * @param image    the key of the page's image in bucket {@code derivatives}
 * @param dpi      the image's resolution
 */
public record PageJob(String document, int page, String image, int dpi) {

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
