package vn.sohoa.core.document;

/** The title shown for a document: its type, number and subject as an archivist would cite it. */
public final class Titles {

    private Titles() {
    }

    /** "Tờ trình 30/TTr-LĐLĐ: Về việc ...", or the title stored in the file, or null. */
    public static String of(String type, String number, String subject, String fileTitle) {
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
