package vn.sohoa.core.document;

import java.util.List;

/**
 * What an archivist reads off an administrative document (Nghị định 30/2020 layout). A field that
 * was not found is null, never guessed. Each found field says where it was read and how sure the
 * reading is.
 *
 * @param documentNumber   number and notation as written, e.g. {@code 06/CTr-LĐLĐ}
 * @param codeNumber       the number, e.g. {@code 06}
 * @param codeNotation     the notation, e.g. {@code CTr-LĐLĐ}
 * @param documentType     the type name, e.g. {@code Kế hoạch}; {@code Công văn} for a letter
 * @param typeCode         the standard's code of the type, {@code 01} to {@code 32}
 * @param issuedDate       ISO date
 * @param issuer           cơ quan ban hành, as printed
 * @param parentOrg        cơ quan chủ quản, as printed
 * @param subject          trích yếu, without the {@code V/v} of a letter
 * @param signer           the signer's whole name; when only its given names could be read, the whole name
 *                         of the one signer in the archive whose name ends with them (at lower confidence)
 * @param partialSigner    the given names of a signer whose family name could not be read (a seal over it),
 *                         as read; null when the whole name was read
 * @param signingAuthority {@code TM. BAN THƯỜNG VỤ}, {@code KT. CHỦ TỊCH}...
 * @param confidentiality  {@code MẬT}, {@code TỐI MẬT} or {@code TUYỆT MẬT}
 * @param urgency          {@code KHẨN}, {@code THƯỢNG KHẨN} or {@code HỎA TỐC}
 */
public record AdministrativeMetadata(
        Field documentNumber,
        Field codeNumber,
        Field codeNotation,
        Field documentType,
        Field typeCode,
        Field issuedDate,
        Field place,
        Field issuer,
        Field parentOrg,
        Field subject,
        Field signer,
        Field partialSigner,
        Field signerTitle,
        Field signingAuthority,
        Field confidentiality,
        Field urgency,
        List<String> recipients) {

    /** A value read at a line of a page (both from 1), with a confidence from 0 to 1. */
    public record Field(String value, int page, int line, double confidence) {
    }

    /** Nothing read: a document without text, or a record stored before metadata was read. */
    public static AdministrativeMetadata empty() {
        return new AdministrativeMetadata(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, List.of());
    }

    /** The same metadata with the signer's whole name, found from the given names read. */
    public AdministrativeMetadata withSigner(Field whole) {
        return new AdministrativeMetadata(documentNumber, codeNumber, codeNotation, documentType, typeCode, issuedDate,
                place, issuer, parentOrg, subject, whole, partialSigner, signerTitle, signingAuthority, confidentiality,
                urgency, recipients);
    }

    public static String valueOf(Field field) {
        return field == null ? null : field.value();
    }
}
