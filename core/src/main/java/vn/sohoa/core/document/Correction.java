package vn.sohoa.core.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One field an archivist changed by hand. Corrections are kept beside the record, never in it: the
 * record stays as read, and {@link EffectiveMetadata} lays the corrections over the manifest and the
 * reading.
 *
 * @param field one of {@link #FIELDS}
 * @param from  the value that counted before, null when there was none
 * @param to    the new value, null when the archivist cleared the field
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Correction(Instant at, String user, String field, String from, String to, String reason) {

    public static final String SUBJECT = "subject";
    /** Số ký hiệu whole, {@code 06/CTr-LĐLĐ}: the number and notation are its two sides of the first slash. */
    public static final String DOCUMENT_NUMBER = "documentNumber";
    public static final String ISSUED_DATE = "issuedDate";
    public static final String DOCUMENT_TYPE = "documentType";
    /** The standard's code of the type; corrected together with {@link #DOCUMENT_TYPE}. */
    public static final String TYPE_CODE = "typeCode";
    public static final String ISSUER = "issuer";
    public static final String SIGNER = "signer";
    public static final String CONFIDENTIALITY = "confidentiality";
    public static final String FILE_CODE = "fileCode";

    public static final List<String> FIELDS = List.of(SUBJECT, DOCUMENT_NUMBER, ISSUED_DATE, DOCUMENT_TYPE, TYPE_CODE,
            ISSUER, SIGNER, CONFIDENTIALITY, FILE_CODE);
}
