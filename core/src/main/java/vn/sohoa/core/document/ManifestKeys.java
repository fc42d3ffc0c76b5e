package vn.sohoa.core.document;

import java.util.List;

/**
 * The keys of the values an archivist's manifest gives: the tags of Thông tư 05/2025 where the
 * standard has one (document level, and {@code title}, {@code maintenance} of the dossier), sohoa's
 * own names where it has none.
 */
public final class ManifestKeys {

    public static final String FILE_CODE = "fileCode";
    /** Tiêu đề hồ sơ: the dossier's title, not the document's. */
    public static final String TITLE = "title";
    public static final String MAINTENANCE = "maintenance";
    public static final String MODE = "mode";
    /** The standard's code of the type, {@code 01} to {@code 32}. */
    public static final String TYPE_NAME = "typeName";
    /** The type's name, {@code Kế hoạch}; the standard has only the code. */
    public static final String DOCUMENT_TYPE = "documentType";
    /** Số ký hiệu as written, kept only when it cannot be split into number and notation. */
    public static final String DOCUMENT_NUMBER = "documentNumber";
    public static final String CODE_NUMBER = "codeNumber";
    public static final String CODE_NOTATION = "codeNotation";
    /** ISO date when the manifest's date could be read, as written otherwise. */
    public static final String ISSUED_DATE = "issuedDate";
    public static final String ORGAN_NAME = "organName";
    public static final String SUBJECT = "subject";
    public static final String SIGNER = "signer";
    public static final String LANGUAGE = "language";
    public static final String NUMBER_OF_PAGE = "numberOfPage";
    public static final String KEYWORD = "keyword";
    public static final String CONFIDENCE_LEVEL = "confidenceLevel";
    public static final String AUTOGRAPH = "autograph";
    public static final String FORMAT = "format";
    public static final String DESCRIPTION = "description";
    /** Độ mật: {@code MẬT}, {@code TỐI MẬT} or {@code TUYỆT MẬT}; sohoa's own, the standard has none. */
    public static final String CONFIDENTIALITY = "confidentiality";

    /** The document-level fields of the standard a manifest may give (all but docId, which is ours). */
    public static final List<String> STANDARD = List.of(FILE_CODE, TYPE_NAME, CODE_NUMBER, CODE_NOTATION, ISSUED_DATE,
            ORGAN_NAME, SUBJECT, LANGUAGE, NUMBER_OF_PAGE, KEYWORD, MODE, CONFIDENCE_LEVEL, AUTOGRAPH, FORMAT, DESCRIPTION);

    private ManifestKeys() {
    }
}
