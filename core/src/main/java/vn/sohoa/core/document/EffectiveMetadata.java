package vn.sohoa.core.document;

import static vn.sohoa.core.document.AdministrativeMetadata.valueOf;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The values that count for search, titles and the standard: the archivist's manifest where it
 * gives one, what was read off the document otherwise. A number (number and notation) and a type
 * (name and code) are taken whole from one side, never half from each: a manifest number joined to
 * an extracted notation would cite a document that does not exist.
 *
 * @param fileCode the dossier: the manifest's Mã hồ sơ, else the folder; null at the top of the inbox
 * @param title    the document's title built from these values, else the one the file carries
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
        String confidentiality,
        String fileCode,
        String title) {

    public static EffectiveMetadata of(DocumentRecord record) {
        Map<String, String> manifest = record.manifest();
        AdministrativeMetadata read = record.metadata() != null ? record.metadata() : AdministrativeMetadata.empty();
        boolean numberFromManifest = manifest.containsKey(ManifestKeys.CODE_NUMBER)
                || manifest.containsKey(ManifestKeys.CODE_NOTATION) || manifest.containsKey(ManifestKeys.DOCUMENT_NUMBER);
        String codeNumber = numberFromManifest ? manifest.get(ManifestKeys.CODE_NUMBER) : valueOf(read.codeNumber());
        String codeNotation = numberFromManifest ? manifest.get(ManifestKeys.CODE_NOTATION) : valueOf(read.codeNotation());
        String documentNumber = numberFromManifest ? manifestNumber(manifest) : valueOf(read.documentNumber());

        boolean typeFromManifest = manifest.containsKey(ManifestKeys.TYPE_NAME)
                || manifest.containsKey(ManifestKeys.DOCUMENT_TYPE);
        String documentType = typeFromManifest ? manifest.get(ManifestKeys.DOCUMENT_TYPE) : valueOf(read.documentType());
        String typeCode = typeFromManifest ? manifest.get(ManifestKeys.TYPE_NAME) : valueOf(read.typeCode());

        LocalDate issued = isoDate(manifest.get(ManifestKeys.ISSUED_DATE));
        String subject = manifest.getOrDefault(ManifestKeys.SUBJECT, valueOf(read.subject()));
        String folder = record.folder() == null || record.folder().isEmpty() ? null : record.folder();
        return new EffectiveMetadata(
                documentNumber,
                codeNumber,
                codeNotation,
                documentType,
                typeCode,
                issued != null ? issued : record.issuedDate(),
                manifest.getOrDefault(ManifestKeys.ORGAN_NAME, valueOf(read.issuer())),
                manifest.getOrDefault(ManifestKeys.SIGNER, valueOf(read.signer())),
                subject,
                manifest.getOrDefault(ManifestKeys.CONFIDENTIALITY, valueOf(read.confidentiality())),
                manifest.getOrDefault(ManifestKeys.FILE_CODE, folder),
                Titles.of(documentType, documentNumber, subject, record.title()));
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
