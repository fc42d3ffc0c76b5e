package vn.sohoa.core.text;

/**
 * 8-bit bytes as a Windows program shows them (cp1252), and back. Legacy Vietnamese text reaches
 * us in this form: Word, RTF and HTML store the bytes typed in a .VnTime or VNI-Times font as the
 * cp1252 characters of those bytes. The five bytes cp1252 leaves undefined read as the Latin-1
 * controls, so no byte is lost either way.
 */
public final class Cp1252View {

    private static final String X80_TO_X9F =
            "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

    private Cp1252View() {
    }

    public static String decode(byte[] bytes) {
        char[] chars = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            chars[i] = charOf(bytes[i] & 0xFF);
        }
        return new String(chars);
    }

    public static char charOf(int b) {
        return b >= 0x80 && b < 0xA0 ? X80_TO_X9F.charAt(b - 0x80) : (char) b;
    }

    /** The byte shown as this character, or -1 when no byte is. */
    public static int byteOf(char c) {
        if (c < 0x100) {
            return c;
        }
        int at = X80_TO_X9F.indexOf(c);
        return at < 0 ? -1 : 0x80 + at;
    }
}
