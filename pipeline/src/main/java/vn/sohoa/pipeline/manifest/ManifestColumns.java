package vn.sohoa.pipeline.manifest;

import static vn.sohoa.core.document.ManifestKeys.AUTOGRAPH;
import static vn.sohoa.core.document.ManifestKeys.CODE_NOTATION;
import static vn.sohoa.core.document.ManifestKeys.CODE_NUMBER;
import static vn.sohoa.core.document.ManifestKeys.CONFIDENTIALITY;
import static vn.sohoa.core.document.ManifestKeys.CONFIDENCE_LEVEL;
import static vn.sohoa.core.document.ManifestKeys.DESCRIPTION;
import static vn.sohoa.core.document.ManifestKeys.DOCUMENT_NUMBER;
import static vn.sohoa.core.document.ManifestKeys.FILE_CODE;
import static vn.sohoa.core.document.ManifestKeys.FORMAT;
import static vn.sohoa.core.document.ManifestKeys.ISSUED_DATE;
import static vn.sohoa.core.document.ManifestKeys.KEYWORD;
import static vn.sohoa.core.document.ManifestKeys.LANGUAGE;
import static vn.sohoa.core.document.ManifestKeys.MAINTENANCE;
import static vn.sohoa.core.document.ManifestKeys.MODE;
import static vn.sohoa.core.document.ManifestKeys.NUMBER_OF_PAGE;
import static vn.sohoa.core.document.ManifestKeys.ORGAN_NAME;
import static vn.sohoa.core.document.ManifestKeys.SIGNER;
import static vn.sohoa.core.document.ManifestKeys.SUBJECT;
import static vn.sohoa.core.document.ManifestKeys.TITLE;
import static vn.sohoa.core.document.ManifestKeys.TYPE_NAME;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.sohoa.core.text.VietnameseText;

/**
 * Which field a column header names: the standard's English tag or a Vietnamese label as archivists
 * write it in a mục lục, in any case, with or without diacritics, spaces or punctuation
 * ({@code Số, ký hiệu} = {@code so ky hieu} = {@code SỐ KÝ HIỆU}).
 */
final class ManifestColumns {

    /** The column naming the file a row describes. */
    static final String FILE_NAME = "fileName";

    private static final Map<String, String> KEYS = new HashMap<>();

    static {
        names(FILE_NAME, "fileName", "file", "Tên tệp", "Tên file", "Tệp", "Tệp tin", "Tên tệp tin", "Tập tin",
                "Tên tập tin");
        names(FILE_CODE, "fileCode", "Mã hồ sơ", "Hồ sơ số", "Số hồ sơ");
        names(TITLE, "title", "Tiêu đề hồ sơ", "Tên hồ sơ");
        names(MAINTENANCE, "maintenance", "Thời hạn bảo quản", "THBQ");
        names(MODE, "mode", "Chế độ sử dụng");
        names(TYPE_NAME, "typeName", "documentType", "typeCode", "Tên loại văn bản", "Loại văn bản", "Tên loại", "Loại");
        names(DOCUMENT_NUMBER, "documentNumber", "Số ký hiệu", "Số ký hiệu văn bản", "Số và ký hiệu");
        names(CODE_NUMBER, "codeNumber", "Số", "Số văn bản");
        names(CODE_NOTATION, "codeNotation", "Ký hiệu", "Ký hiệu văn bản");
        names(ISSUED_DATE, "issuedDate", "Ngày tháng năm văn bản", "Ngày văn bản", "Ngày ban hành", "Ngày tháng năm",
                "Ngày tháng", "Ngày");
        names(ORGAN_NAME, "organName", "issuer", "Cơ quan ban hành", "Cơ quan tổ chức ban hành", "Đơn vị ban hành",
                "Tác giả", "Tác giả văn bản");
        names(SUBJECT, "subject", "Trích yếu nội dung", "Trích yếu", "Trích yếu nội dung văn bản");
        names(SIGNER, "signer", "Người ký");
        names(LANGUAGE, "language", "Ngôn ngữ");
        names(NUMBER_OF_PAGE, "numberOfPage", "Số trang", "Số lượng trang");
        names(KEYWORD, "keyword", "Từ khóa");
        names(CONFIDENCE_LEVEL, "confidenceLevel", "Mức độ tin cậy");
        names(AUTOGRAPH, "autograph", "Bút tích");
        names(FORMAT, "format", "Tình trạng vật lý");
        names(DESCRIPTION, "description", "Ghi chú");
        names(CONFIDENTIALITY, "confidentiality", "Độ mật", "Mức độ mật");
    }

    private ManifestColumns() {
    }

    private static void names(String key, String... headers) {
        for (String header : headers) {
            if (KEYS.put(normalised(header), key) != null) {
                throw new IllegalStateException("Header named twice: " + header);
            }
        }
    }

    /** The key this header names; empty for a column sohoa does not know, which is kept under its header. */
    static Optional<String> keyOf(String header) {
        return header == null ? Optional.empty() : Optional.ofNullable(KEYS.get(normalised(header)));
    }

    /** How many cells of the row are headers sohoa knows: the header row is the row with the most. */
    static int knownHeaders(List<String> row) {
        return (int) row.stream().filter(cell -> keyOf(cell).isPresent()).count();
    }

    /** Without diacritics, case, spaces, punctuation, and footnote marks such as "(1)" or "(*)". */
    private static String normalised(String header) {
        String withoutNotes = header.replaceAll("\\([^)]*\\)|\\*", "");
        return VietnameseText.fold(VietnameseText.nfc(withoutNotes)).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
