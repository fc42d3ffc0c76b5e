package vn.sohoa.api.http;

import vn.sohoa.core.index.DocumentIndex;
import vn.sohoa.core.index.IndexException;
import java.io.IOException;
import java.util.Arrays;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import vn.sohoa.api.search.BadQueryException;
import vn.sohoa.core.storage.StorageException;
import vn.sohoa.pipeline.pages.PageViews;

/**
 * {@code GET /api/documents/{id}/pages/{n}?width=}: a page as an image, made once and kept in
 * storage. A page image never changes (the id is the original's SHA-256), so it is cached by the
 * browser for a year and revalidated by its strong ETag.
 */
public class PageImageHandlers {

    private static final String CACHE_CONTROL = "private, max-age=31536000, immutable";
    private static final int MAX_WIDTH = 20_000;

    private final PageViews pages;
    private final DocumentIndex index;

    public PageImageHandlers(PageViews pages, DocumentIndex index) {
        this.pages = pages;
        this.index = index;
    }

    void page(Exchange exchange) throws NotFoundException, BadQueryException, StorageException, IndexException,
            IOException {
        String id = DocumentIds.visible(exchange, index).id();
        Message in = exchange.getIn();
        int page = pageNumber(in.getHeader("n", String.class), id);
        String width = PageViews.snapped(width(in.getHeader("width", String.class)));
        PageViews.View view = pages.view(id, page, width).orElseThrow(() -> new NotFoundException(
                "Không tìm thấy trang " + page + " của tài liệu " + id + " trong kho lưu trữ."));
        String ifNoneMatch = in.getHeader("If-None-Match", String.class);
        Message out = exchange.getMessage();
        out.getHeaders().clear();
        out.setHeader("ETag", view.etag());
        if (exchange.getIn() instanceof HttpMessage http) {
            // Camel's HTTP header filter drops Cache-Control from the message's headers.
            http.getResponse().putHeader("Cache-Control", CACHE_CONTROL);
        }
        if (ifNoneMatch != null && matches(ifNoneMatch, view.etag())) {
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, 304);
            out.setBody(null);
            return;
        }
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setHeader(Exchange.CONTENT_TYPE, "image/jpeg");
        out.setHeader(Exchange.CONTENT_LENGTH, view.size());
        out.setBody(pages.open(view));
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag));
    }

    private static int pageNumber(String written, String id) throws NotFoundException {
        try {
            return Integer.parseInt(written);
        } catch (NumberFormatException | NullPointerException e) {
            throw new NotFoundException("Không tìm thấy trang " + written + " của tài liệu " + id
                    + ": số trang là một số nguyên từ 1.");
        }
    }

    private static Integer width(String written) throws BadQueryException {
        if (written == null || written.isBlank()) {
            return null;
        }
        try {
            int width = Integer.parseInt(written.strip());
            if (width >= 1 && width <= MAX_WIDTH) {
                return width;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadQueryException("Tham số width phải là số điểm ảnh chiều ngang, từ 1 đến " + MAX_WIDTH
                + ", không phải \"" + written + "\".");
    }
}
