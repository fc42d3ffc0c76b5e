package vn.sohoa.core.text;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
            return Utf8AsCp1252.decode(view);
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

    /** UTF-8 sequences found among the bytes are decoded; any other byte keeps its character. */
    private static final class Utf8AsCp1252 {

        static String decode(String view) {
            StringBuilder out = new StringBuilder(view.length());
            int i = 0;
            while (i < view.length()) {
                int length = sequenceLength(view, i);
                String decoded = length > 1 ? utf8(view, i, length) : null;
                if (decoded != null) {
                    out.append(decoded);
                    i += length;
                } else {
                    out.append(view.charAt(i++));
                }
            }
            return Normalizer.normalize(out, Normalizer.Form.NFC);
        }

        private static int sequenceLength(String view, int at) {
            int lead = Cp1252View.byteOf(view.charAt(at));
            int length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                    : lead >= 0xF0 && lead <= 0xF4 ? 4 : 1;
            if (at + length > view.length()) {
                return 1;
            }
            for (int k = 1; k < length; k++) {
                int next = Cp1252View.byteOf(view.charAt(at + k));
                if (next < 0x80 || next > 0xBF) {
                    return 1;
                }
            }
            return length;
        }

        private static String utf8(String view, int at, int length) {
            byte[] sequence = new byte[length];
            for (int k = 0; k < length; k++) {
                sequence[k] = (byte) Cp1252View.byteOf(view.charAt(at + k));
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(sequence)).toString();
            } catch (CharacterCodingException overlongOrSurrogate) {
                return null;
            }
        }
    }
}
