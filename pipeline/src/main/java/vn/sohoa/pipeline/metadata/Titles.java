package vn.sohoa.pipeline.metadata;

import vn.sohoa.core.document.AdministrativeMetadata;

/** The title shown for a document: its type, number and subject as an archivist would cite it. */
public final class Titles {

    private Titles() {
    }

    /** "Tờ trình 30/TTr-LĐLĐ: Về việc ...", or the title stored in the file, or null. */
    public static String of(AdministrativeMetadata metadata, String fileTitle) {
        String type = AdministrativeMetadata.valueOf(metadata.documentType());
        String number = AdministrativeMetadata.valueOf(metadata.documentNumber());
        String subject = AdministrativeMetadata.valueOf(metadata.subject());
        if (type == null && subject == null) {
            return fileTitle;
        }
        StringBuilder title = new StringBuilder(type == null ? "" : type);
        if (number != null) {
            title.append(title.isEmpty() ? "" : " ").append(number);
        }
        if (subject != null) {
            title.append(title.isEmpty() ? "" : ": ").append(subject);
        }
        return title.toString();
    }
}
