package vn.sohoa.core.document;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The document-level fields of the national archive standard (Thông tư 05/2025/TT-BNV; NĐ 30 Phụ
 * lục VI uses the same tags) with their code lists, as far as sohoa knows them. Fields nobody has
 * described yet (keyword, autograph, physical format, description) are absent.
 */
public final class ArchiveStandard {

    private ArchiveStandard() {
    }

    /**
     * @param extraction "text" (born-digital), "ocr" (scanned) or "mixed"
     */
    public static Map<String, Object> fields(String id, String folder, AdministrativeMetadata metadata, int pages,
                                             String extraction, LocalDate issuedDate) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("docId", id);
        put(fields, "fileCode", folder == null || folder.isEmpty() ? null : folder);
        if (metadata != null) {
            put(fields, "typeName", AdministrativeMetadata.valueOf(metadata.typeCode()));
            put(fields, "codeNumber", AdministrativeMetadata.valueOf(metadata.codeNumber()));
            put(fields, "codeNotation", AdministrativeMetadata.valueOf(metadata.codeNotation()));
            put(fields, "organName", AdministrativeMetadata.valueOf(metadata.issuer()));
            put(fields, "subject", AdministrativeMetadata.valueOf(metadata.subject()));
        }
        put(fields, "issuedDate", issuedDate);
        fields.put("language", "01");
        fields.put("numberOfPage", pages);
        boolean secret = metadata != null && metadata.confidentiality() != null;
        fields.put("mode", secret ? "03" : "01");
        fields.put("confidenceLevel", switch (extraction) {
            case "text" -> "01";
            case "ocr" -> "02";
            default -> "03";
        });
        return fields;
    }

    private static void put(Map<String, Object> fields, String key, Object value) {
        if (value != null) {
            fields.put(key, value);
        }
    }
}
