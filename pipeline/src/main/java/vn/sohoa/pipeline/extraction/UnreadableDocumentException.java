package vn.sohoa.pipeline.extraction;

/**
 * The file cannot be archived as it is: it goes to {@code failed/} with {@link #reason()}, written
 * for the archivist in Vietnamese, and the technical detail for whoever maintains sohoa.
 */
public class UnreadableDocumentException extends Exception {

    private final String reason;

    public UnreadableDocumentException(String reason, String detail) {
        this(reason, detail, null);
    }

    public UnreadableDocumentException(String reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    /** A page made the OCR reader fail or hang on every try. */
    public static UnreadableDocumentException pageUnreadable(int page) {
        return new UnreadableDocumentException(
                "Không đọc được trang " + page + ": trình nhận dạng chữ (OCR) gặp lỗi hoặc bị treo cả "
                        + vn.sohoa.core.work.PageQueues.MAX_DELIVERIES
                        + " lần đọc trang này. Hãy quét lại trang " + page + " rồi đưa tệp vào lại.",
                "page " + page + " failed on every delivery and was dead-lettered");
    }

    public static UnreadableDocumentException empty() {
        return new UnreadableDocumentException(
                "Tệp rỗng (0 byte), không có nội dung để lưu trữ. Hãy quét hoặc sao chép lại tệp.",
                "empty file");
    }

    public static UnreadableDocumentException unsupported(String contentType) {
        return new UnreadableDocumentException(
                "Loại tệp không được nhận (" + contentType + "). Kho lưu trữ chỉ nhận bản quét (PDF, TIFF, JPEG, "
                        + "PNG, BMP) và văn bản điện tử (PDF, DOC, DOCX, ODT, RTF, HTML, TXT).",
                "unsupported content type " + contentType);
    }

    public static UnreadableDocumentException damaged(String kind, Throwable cause) {
        return new UnreadableDocumentException(
                "Tệp " + kind + " bị hỏng hoặc không đầy đủ nên không đọc được. Hãy quét hoặc sao chép lại tệp từ bản gốc.",
                kind + " could not be read: " + cause, cause);
    }

    public static UnreadableDocumentException tooLarge(String kind, int width, int height) {
        return new UnreadableDocumentException(
                "Ảnh " + kind + " khai báo kích thước " + width + " × " + height + " điểm ảnh, quá lớn để là một trang quét "
                        + "(tối đa khổ A0 ở 300 dpi). Tệp có thể bị hỏng; hãy quét lại ở độ phân giải thông thường.",
                "image of " + width + "x" + height + " pixels exceeds the page limit");
    }

    /**
     * Reading the file needed more memory than a page can: a content that unpacks without end, a
     * pattern tiled without end, a page count far beyond the pages there are.
     */
    public static UnreadableDocumentException tooComplex(String kind, Throwable cause) {
        return new UnreadableDocumentException(
                "Tệp " + kind + " có nội dung bất thường (đọc nó cần nhiều bộ nhớ hơn mọi trang văn bản): có thể tệp bị "
                        + "hỏng hoặc được tạo ra để gây lỗi. Hãy quét hoặc xuất lại tệp từ bản gốc.",
                kind + " needs more memory than a page can: " + cause, cause);
    }

    public static UnreadableDocumentException encrypted() {
        return new UnreadableDocumentException(
                "Tệp PDF được đặt mật khẩu nên không đọc được nội dung. Hãy gỡ mật khẩu rồi đưa tệp vào lại.",
                "encrypted PDF");
    }
}
