package vn.sohoa.api.http;

import java.util.regex.Pattern;
import vn.sohoa.api.access.SignedIn;
import vn.sohoa.core.index.DocumentIndex;
import vn.sohoa.core.index.IndexEntry;
import vn.sohoa.core.index.IndexException;
import org.apache.camel.Exchange;

/** The document id of a request's path, and the 404 of an id nothing is archived under. */
final class DocumentIds {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");

    private DocumentIds() {
    }

    static String of(Exchange exchange) throws NotFoundException {
        String id = exchange.getIn().getHeader("id", String.class);
        if (id == null || !ID.matcher(id).matches()) {
            throw new NotFoundException("Không có tài liệu nào mang mã \"" + id + "\" (mã tài liệu là 64 ký tự 0-9, a-f).");
        }
        return id;
    }

    /**
     * The document of the request's path, if the signed-in user may know of it. One above the user's
     * clearance answers exactly as an unknown id does.
     */
    static IndexEntry visible(Exchange exchange, DocumentIndex index) throws NotFoundException, IndexException {
        String id = of(exchange);
        return index.get(id, SignedIn.of(exchange).clearance()).orElseThrow(() -> notFound(id));
    }

    static NotFoundException notFound(String id) {
        return new NotFoundException("Không tìm thấy tài liệu " + id + " trong kho lưu trữ.");
    }
}
