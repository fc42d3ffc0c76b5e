package vn.sohoa.core.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * UTF-8 bytes that were read as cp1252 ("Cá»™ng hÃ²a"), read again as UTF-8. Bytes cp1252 leaves
 * undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) often come back as U+FFFD; such a byte is the one that
 * makes a Vietnamese letter, and among several (ề ọ ỏ Ố ờ) the one that makes the word well-formed.
 * Any other character is kept.
 */
final class Utf8Misread {

    /** The bytes cp1252 leaves undefined, those of the more frequent Vietnamese letters first (ờ ề ọ ỏ, Ý Á Í). */
    private static final int[] UNDEFINED_IN_CP1252 = {0x9D, 0x81, 0x8D, 0x8F, 0x90};
    private static final char LOST = '\uFFFD';

    private Utf8Misread() {
    }

    static String decode(String view) {
        StringBuilder out = new StringBuilder(view.length());
        List<Integer> guessedAt = new ArrayList<>();
        List<List<String>> guesses = new ArrayList<>();
        int i = 0;
        while (i < view.length()) {
            int length = sequenceLength(view, i);
            List<String> letters = length > 1 ? decodings(view, i, length) : List.of();
            if (letters.isEmpty()) {
                out.append(view.charAt(i++));
                continue;
            }
            if (letters.size() > 1) {
                guessedAt.add(out.length());
                guesses.add(letters);
            }
            out.append(letters.get(0));
            i += length;
        }
        for (int k = 0; k < guessedAt.size(); k++) {
            choose(out, guessedAt.get(k), guesses.get(k));
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /** The length of the UTF-8 sequence whose lead byte is shown at {@code at}, or 1 when there is none. */
    private static int sequenceLength(String view, int at) {
        int lead = Cp1252View.byteOf(view.charAt(at));
        int length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                : lead >= 0xF0 && lead <= 0xF4 ? 4 : 1;
        if (at + length > view.length()) {
            return 1;
        }
        for (int k = 1; k < length; k++) {
            char c = view.charAt(at + k);
            int next = Cp1252View.byteOf(c);
            if (c != LOST && (next < 0x80 || next > 0xBF)) {
                return 1;
            }
        }
        return length;
    }

    /** What the sequence decodes to; with a lost byte, each Vietnamese letter it can be. */
    private static List<String> decodings(String view, int at, int length) {
        byte[] sequence = new byte[length];
        int lost = -1;
        for (int k = 0; k < length; k++) {
            char c = view.charAt(at + k);
            if (c == LOST) {
                if (lost >= 0) {
                    return List.of();
                }
                lost = k;
            } else {
                sequence[k] = (byte) Cp1252View.byteOf(c);
            }
        }
        if (lost < 0) {
            String decoded = utf8(sequence);
            return decoded == null ? List.of() : List.of(decoded);
        }
        List<String> letters = new ArrayList<>();
        for (int b : UNDEFINED_IN_CP1252) {
            sequence[lost] = (byte) b;
            String decoded = utf8(sequence);
            if (decoded != null && LegacyTables.LETTERS.contains(decoded)) {
                letters.add(decoded);
            }
        }
        return letters;
    }

    /** The letter, of the case of its neighbours, that makes its word a well-formed syllable. */
    private static void choose(StringBuilder text, int at, List<String> letters) {
        int start = at;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        int end = at + 1;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        char neighbour = start < at ? text.charAt(at - 1) : end > at + 1 ? text.charAt(at + 1) : 0;
        for (String letter : letters) {
            boolean sameCase = neighbour == 0
                    || Character.isUpperCase(neighbour) == Character.isUpperCase(letter.charAt(0));
            String word = text.substring(start, at) + letter + text.substring(at + 1, end);
            if (sameCase && VietnameseSyllables.isValid(word)) {
                text.replace(at, at + 1, letter);
                return;
            }
        }
    }

    private static String utf8(byte[] sequence) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(sequence)).toString();
        } catch (CharacterCodingException overlongOrSurrogate) {
            return null;
        }
    }
}
