package vn.sohoa.core.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The ways Vietnamese text was stored before Unicode, and Unicode itself. Each legacy encoding reads
 * text in its {@link Cp1252View} form (the characters a Windows program shows for the bytes) and
 * gives Unicode NFC; characters that stand for no byte are left as they are.
 */
public enum LegacyEncoding {
    UNICODE(null, null),
    /** TCVN 5712:1993 VN3, the ABC fonts .VnTime, .VnArial...; "ư" is byte 0xAD, the soft hyphen. */
    TCVN3("TCVN3", LegacyTables.tcvn3()),
    /** VNI-Windows: a base letter followed by a mark byte, fonts VNI-Times, VNI-Helve... */
    VNI("VNI", LegacyTables.vni()),
    VISCII("VISCII", LegacyTables.viscii()),
    WINDOWS_1258("windows-1258", LegacyTables.windows1258()),
    /** UTF-8 bytes that were read as cp1252: "Cá»™ng hÃ²a". */
    UTF8_AS_CP1252("UTF-8 (read as cp1252)", null);

    private final String label;
    private final String[] bytes;

    LegacyEncoding(String label, String[] bytes) {
        this.label = label;
        this.bytes = bytes;
    }

    /** The name recorded with a document; null for Unicode, whose name is the file's own. */
    public String label() {
        return label;
    }

    public String decode(String view) {
        if (this == UNICODE) {
            return view;
        }
        if (this == UTF8_AS_CP1252) {
            return Utf8Misread.decode(view);
        }
        StringBuilder out = new StringBuilder(view.length());
        for (int i = 0; i < view.length(); i++) {
            char c = view.charAt(i);
            int b = Cp1252View.byteOf(c);
            out.append(b < 0 ? String.valueOf(c) : bytes[b]);
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /** The legacy encoding a font draws, from its name; {@link #UNICODE} for any other font. */
    public static LegacyEncoding ofFont(String fontName) {
        if (fontName == null) {
            return UNICODE;
        }
        String name = fontName.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith(".vn")) {
            return TCVN3;
        }
        if (name.startsWith("vni-") || name.startsWith("vni ")) {
            return VNI;
        }
        return name.contains("viscii") ? VISCII : UNICODE;
    }

    /** The TCVN3 "...H" fonts (.VnTimeH, .VnArialH) draw capitals at the lower-case bytes. */
    public static boolean drawsCapitals(String fontName) {
        return ofFont(fontName) == TCVN3 && fontName.strip().endsWith("H");
    }
}
