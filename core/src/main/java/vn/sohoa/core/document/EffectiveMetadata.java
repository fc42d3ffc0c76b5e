package vn.sohoa.core.document;

import static vn.sohoa.core.document.AdministrativeMetadata.valueOf;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values that count for search, titles and the standard: an archivist's correction first, then
 * the archivist's manifest, then what was read off the document. A number (number and notation) and a
 * type (name and code) are taken whole from one side, never half from each: a manifest number joined
 * to an extracted notation would cite a document that does not exist.
 *
 * @param fileCode        the dossier: the manifest's Mã hồ sơ, else the folder; null at the top of the inbox
 * @param confidentiality the secrecy mark, {@code MẬT}, {@code TỐI MẬT} or {@code TUYỆT MẬT}; null when none
 * @param title           the document's title built from these values, else the one the file carries
 * @param provenance      for each field of {@link #FIELDS}, where its value comes from: {@link #CORRECTED},
 *                        {@link #MANIFEST} or {@link #READ}
 */
public record EffectiveMetadata(
        String documentNumber,
        String codeNumber,
        String codeNotation,
        String documentType,
        String typeCode,
        LocalDate issuedDate,
        String issuer,
        String signer,
        String subject,
        String fileCode,
        String confidentiality,
        String title,
        Map<String, String> provenance) {

    public static final String CORRECTED = "corrected";
    public static final String MANIFEST = "manifest";
    public static final String READ = "read";

    /** The fields whose provenance is told; each may be corrected ({@link Correction#FIELDS}). */
    public static final List<String> FIELDS = Correction.FIELDS;

    public static EffectiveMetadata of(DocumentRecord record) {
        return of(record, List.of());
    }

    /** @param corrections the document's corrections, oldest first: the latest of a field counts */
    public static EffectiveMetadata of(DocumentRecord record, List<Correction> corrections) {
        Map<String, String> corrected = latest(corrections);
        Map<String, String> manifest = record.manifest();
        AdministrativeMetadata read = record.metadata() != null ? record.metadata() : AdministrativeMetadata.empty();
        Map<String, String> provenance = new LinkedHashMap<>();

        String codeNumber;
        String codeNotation;
        String documentNumber;
        if (corrected.containsKey(Correction.DOCUMENT_NUMBER)) {
            documentNumber = corrected.get(Correction.DOCUMENT_NUMBER);
            codeNumber = numberPart(documentNumber, 0);
            codeNotation = numberPart(documentNumber, 1);
            provenance.put(Correction.DOCUMENT_NUMBER, CORRECTED);
        } else if (manifest.containsKey(ManifestKeys.CODE_NUMBER) || manifest.containsKey(ManifestKeys.CODE_NOTATION)
                || manifest.containsKey(ManifestKeys.DOCUMENT_NUMBER)) {
            codeNumber = manifest.get(ManifestKeys.CODE_NUMBER);
            codeNotation = manifest.get(ManifestKeys.CODE_NOTATION);
            documentNumber = manifestNumber(manifest);
            provenance.put(Correction.DOCUMENT_NUMBER, MANIFEST);
        } else {
            codeNumber = valueOf(read.codeNumber());
            codeNotation = valueOf(read.codeNotation());
            documentNumber = valueOf(read.documentNumber());
            provenance.put(Correction.DOCUMENT_NUMBER, READ);
        }

        String documentType;
        String typeCode;
        if (corrected.containsKey(Correction.DOCUMENT_TYPE) || corrected.containsKey(Correction.TYPE_CODE)) {
            documentType = corrected.get(Correction.DOCUMENT_TYPE);
            typeCode = corrected.get(Correction.TYPE_CODE);
            provenance.put(Correction.DOCUMENT_TYPE, CORRECTED);
        } else if (manifest.containsKey(ManifestKeys.TYPE_NAME) || manifest.containsKey(ManifestKeys.DOCUMENT_TYPE)) {
            documentType = manifest.get(ManifestKeys.DOCUMENT_TYPE);
            typeCode = manifest.get(ManifestKeys.TYPE_NAME);
            provenance.put(Correction.DOCUMENT_TYPE, MANIFEST);
        } else {
            documentType = valueOf(read.documentType());
            typeCode = valueOf(read.typeCode());
            provenance.put(Correction.DOCUMENT_TYPE, READ);
        }
        provenance.put(Correction.TYPE_CODE, provenance.get(Correction.DOCUMENT_TYPE));

        LocalDate issued;
        if (corrected.containsKey(Correction.ISSUED_DATE)) {
            issued = isoDate(corrected.get(Correction.ISSUED_DATE));
            provenance.put(Correction.ISSUED_DATE, CORRECTED);
        } else if (isoDate(manifest.get(ManifestKeys.ISSUED_DATE)) != null) {
            issued = isoDate(manifest.get(ManifestKeys.ISSUED_DATE));
            provenance.put(Correction.ISSUED_DATE, MANIFEST);
        } else {
            issued = record.issuedDate();
            provenance.put(Correction.ISSUED_DATE, READ);
        }

        Layers layers = new Layers(corrected, manifest, provenance);
        String subject = layers.pick(Correction.SUBJECT, ManifestKeys.SUBJECT, valueOf(read.subject()));
        String issuer = layers.pick(Correction.ISSUER, ManifestKeys.ORGAN_NAME, valueOf(read.issuer()));
        String signer = layers.pick(Correction.SIGNER, ManifestKeys.SIGNER, valueOf(read.signer()));
        String folder = record.folder() == null || record.folder().isEmpty() ? null : record.folder();
        String fileCode = layers.pick(Correction.FILE_CODE, ManifestKeys.FILE_CODE, folder);
        String confidentiality = layers.pick(Correction.CONFIDENTIALITY, ManifestKeys.CONFIDENTIALITY,
                valueOf(read.confidentiality()));

        Map<String, String> ordered = new LinkedHashMap<>();
        FIELDS.forEach(field -> ordered.put(field, provenance.get(field)));
        return new EffectiveMetadata(
                documentNumber,
                codeNumber,
                codeNotation,
                documentType,
                typeCode,
                issued,
                issuer,
                signer,
                subject,
                fileCode,
                confidentiality,
                Titles.of(documentType, documentNumber, subject, record.title()),
                Collections.unmodifiableMap(ordered));
    }

    /** The value each corrected field was given last (null where it was cleared). */
    static Map<String, String> latest(List<Correction> corrections) {
        Map<String, String> corrected = new HashMap<>();
        for (Correction correction : corrections) {
            corrected.put(correction.field(), correction.to());
        }
        return corrected;
    }

    /** The number (side 0) or the notation (side 1) of a Số ký hiệu {@code 06/CTr-LĐLĐ}; null without a slash. */
    static String numberPart(String documentNumber, int side) {
        int slash = documentNumber == null ? -1 : documentNumber.indexOf('/');
        if (slash < 0) {
            return null;
        }
        return side == 0 ? documentNumber.substring(0, slash) : documentNumber.substring(slash + 1);
    }

    /** One field from the first side that gives it: the corrections, the manifest, what was read. */
    private record Layers(Map<String, String> corrected, Map<String, String> manifest, Map<String, String> provenance) {

        String pick(String field, String manifestKey, String read) {
            if (corrected.containsKey(field)) {
                provenance.put(field, CORRECTED);
                return corrected.get(field);
            }
            if (manifest.containsKey(manifestKey)) {
                provenance.put(field, MANIFEST);
                return manifest.get(manifestKey);
            }
            provenance.put(field, READ);
            return read;
        }
    }

    private static String manifestNumber(Map<String, String> manifest) {
        String number = manifest.get(ManifestKeys.CODE_NUMBER);
        String notation = manifest.get(ManifestKeys.CODE_NOTATION);
        if (number != null && notation != null) {
            return number + "/" + notation;
        }
        return manifest.getOrDefault(ManifestKeys.DOCUMENT_NUMBER, number != null ? number : notation);
    }

    private static LocalDate isoDate(String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException writtenOtherwise) {
            return null;
        }
    }
}
