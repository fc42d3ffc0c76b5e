package vn.sohoa.core.document;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The document-level fields of the national archive standard (Thông tư 05/2025/TT-BNV; NĐ 30 Phụ
 * lục VI uses the same tags) with their code lists, as far as sohoa knows them: read off the
 * document, then replaced by the archivist's manifest wherever it gives the field. Fields neither
 * side describes (keyword, autograph, physical format, description, unless a manifest gives them)
 * are absent.
 */
public final class ArchiveStandard {

    private ArchiveStandard() {
    }

    /**
     * @param metadata   what was read off the document
     * @param extraction "text" (born-digital), "ocr" (scanned) or "mixed"
     * @param manifest   the manifest's values for this document, by {@link ManifestKeys}
     */
    public static Map<String, Object> fields(String id, String folder, AdministrativeMetadata metadata, int pages,
                                             String extraction, LocalDate issuedDate, Map<String, String> manifest) {
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
        if (manifest != null) {
            overlay(fields, manifest);
        }
        return fields;
    }

    /**
     * The fields with an archivist's corrections laid over them, as {@link EffectiveMetadata} lays them
     * over the manifest and the reading: a corrected number or type is taken whole.
     *
     * @param corrections the document's corrections, oldest first
     */
    public static Map<String, Object> fields(String id, String folder, AdministrativeMetadata metadata, int pages,
                                             String extraction, LocalDate issuedDate, Map<String, String> manifest,
                                             List<Correction> corrections) {
        Map<String, Object> fields = fields(id, folder, metadata, pages, extraction, issuedDate, manifest);
        Map<String, String> corrected = EffectiveMetadata.latest(corrections);
        corrected.forEach((field, value) -> {
            switch (field) {
                case Correction.DOCUMENT_NUMBER -> {
                    fields.remove(ManifestKeys.CODE_NUMBER);
                    fields.remove(ManifestKeys.CODE_NOTATION);
                    put(fields, ManifestKeys.CODE_NUMBER, EffectiveMetadata.numberPart(value, 0));
                    put(fields, ManifestKeys.CODE_NOTATION, EffectiveMetadata.numberPart(value, 1));
                }
                case Correction.TYPE_CODE -> replace(fields, ManifestKeys.TYPE_NAME, value);
                case Correction.ISSUER -> replace(fields, ManifestKeys.ORGAN_NAME, value);
                case Correction.SUBJECT -> replace(fields, ManifestKeys.SUBJECT, value);
                case Correction.FILE_CODE -> replace(fields, ManifestKeys.FILE_CODE, value);
                case Correction.ISSUED_DATE -> replace(fields, ManifestKeys.ISSUED_DATE,
                        value == null ? null : LocalDate.parse(value));
                case Correction.CONFIDENTIALITY -> {
                    if (value != null) {
                        fields.put(ManifestKeys.MODE, "03");
                    } else if ("03".equals(fields.get(ManifestKeys.MODE))) {
                        fields.put(ManifestKeys.MODE, "01");
                    }
                }
                default -> {
                }
            }
        });
        return fields;
    }

    private static void replace(Map<String, Object> fields, String key, Object value) {
        fields.remove(key);
        put(fields, key, value);
    }

    /**
     * The manifest's value wins; a number or a type given by the manifest is taken whole from it. A
     * date the manifest gives in a form that could not be read stays in the manifest, not here.
     */
    private static void overlay(Map<String, Object> fields, Map<String, String> manifest) {
        if (manifest.containsKey(ManifestKeys.CODE_NUMBER) || manifest.containsKey(ManifestKeys.CODE_NOTATION)
                || manifest.containsKey(ManifestKeys.DOCUMENT_NUMBER)) {
            fields.remove(ManifestKeys.CODE_NUMBER);
            fields.remove(ManifestKeys.CODE_NOTATION);
        }
        if (manifest.containsKey(ManifestKeys.DOCUMENT_TYPE)) {
            fields.remove(ManifestKeys.TYPE_NAME);
        }
        for (String tag : ManifestKeys.STANDARD) {
            String value = manifest.get(tag);
            if (value == null || ManifestKeys.ISSUED_DATE.equals(tag) && !value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                continue;
            }
            fields.put(tag, ManifestKeys.NUMBER_OF_PAGE.equals(tag) && value.matches("\\d{1,6}") ? Integer.valueOf(value)
                    : value);
        }
    }

    private static void put(Map<String, Object> fields, String key, Object value) {
        if (value != null) {
            fields.put(key, value);
        }
    }
}
