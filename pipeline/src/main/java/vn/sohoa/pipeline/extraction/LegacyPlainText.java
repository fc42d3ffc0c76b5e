package vn.sohoa.pipeline.extraction;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import vn.sohoa.core.text.LegacyVietnamese;

/** Plain text files in a legacy Vietnamese encoding, read from their bytes (no format names a font). */
final class LegacyPlainText {

    /** Control bytes that text may hold: tab, line ends, form feed, DOS end of file, and VISCII's six capitals. */
    private static final String TEXT_CONTROLS = "\t\n\r\f\u001a\u0002\u0005\u0006\u0014\u0019\u001e";

    private LegacyPlainText() {
    }

    /** The text in Unicode when the bytes are a legacy encoding; null when they are Unicode or not Vietnamese. */
    static LegacyVietnamese.Converted decode(byte[] bytes) {
        if (hasByteOrderMark(bytes) || isUtf8(bytes)) {
            return null;
        }
        return LegacyVietnamese.decode(bytes);
    }

    /**
     * Whether bytes that look binary to a type detector (many bytes above 0x7F) are legacy Vietnamese
     * text: no NUL, hardly any control bytes, and a convincing Vietnamese reading.
     */
    static boolean isLegacyText(byte[] bytes) {
        int controls = 0;
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
            if (b >= 0 && b < 0x20 && TEXT_CONTROLS.indexOf(b) < 0) {
                controls++;
            }
        }
        return controls * 100 <= bytes.length && decode(bytes) != null;
    }

    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean hasByteOrderMark(byte[] bytes) {
        return bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF);
    }
}
