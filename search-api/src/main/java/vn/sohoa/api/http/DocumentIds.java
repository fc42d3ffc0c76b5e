package vn.sohoa.api.http;

import java.util.regex.Pattern;
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

    static NotFoundException notFound(String id) {
        return new NotFoundException("Không tìm thấy tài liệu " + id + " trong kho lưu trữ.");
    }
}
