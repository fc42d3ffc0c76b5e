package vn.sohoa.core.text;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vietnamese text as search needs it: Unicode NFC, one tone placement, and a folded form without
 * diacritics. Folding maps each character of NFC text to exactly one character, so offsets in the
 * folded text are offsets in the original: snippets found in folded text are cut from the original.
 */
public final class VietnameseText {

    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final String TONED_A_E_Y = "àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ";

    private VietnameseText() {
    }

    public static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * NFC and new-style tone placement, so that "hoà" and "hòa", "thuỷ" and "thủy" are one word:
     * in an open syllable ending in oa, oe or uy the tone mark sits on the o or u.
     */
    public static String canonical(String text) {
        if (text == null) {
            return null;
        }
        String nfc = nfc(text);
        Matcher words = WORD.matcher(nfc);
        StringBuilder out = new StringBuilder(nfc);
        while (words.find()) {
            int end = words.end();
            if (end - words.start() < 2) {
                continue;
            }
            char glide = nfc.charAt(end - 2);
            char vowel = nfc.charAt(end - 1);
            if (TONED_A_E_Y.indexOf(vowel) < 0 || !isNewStyleGlide(nfc, words.start(), end - 2, glide, vowel)) {
                continue;
            }
            String[] moved = moveTone(glide, vowel);
            out.replace(end - 2, end, moved[0] + moved[1]);
        }
        return out.toString();
    }

    private static boolean isNewStyleGlide(String text, int wordStart, int glideAt, char glide, char vowel) {
        char g = Character.toLowerCase(glide);
        char base = Character.toLowerCase(fold(String.valueOf(vowel)).charAt(0));
        if (g == 'o') {
            return base == 'a' || base == 'e';
        }
        boolean afterQ = glideAt > wordStart && Character.toLowerCase(text.charAt(glideAt - 1)) == 'q';
        return g == 'u' && base == 'y' && !afterQ;
    }

    /** Same length as the input: every letter without its marks, đ as d. Case is kept. */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String nfc = nfc(text);
        char[] out = new char[nfc.length()];
        for (int i = 0; i < nfc.length(); i++) {
            out[i] = foldChar(nfc.charAt(i));
        }
        return new String(out);
    }

    public static boolean hasDiacritics(String text) {
        String nfc = nfc(text);
        for (int i = 0; i < nfc.length(); i++) {
            if (foldChar(nfc.charAt(i)) != nfc.charAt(i)) {
                return true;
            }
        }
        return false;
    }

    private static char foldChar(char c) {
        return FOLDED[c];
    }

    /** Every char folded once, at class loading: decomposing a char per call made folding a text cost milliseconds. */
    private static final char[] FOLDED = new char[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            FOLDED[c] = computeFold((char) c);
        }
    }

    private static char computeFold(char c) {
        if (c < 0x80) {
            return c;
        }
        if (c == 'đ') {
            return 'd';
        }
        if (c == 'Đ') {
            return 'D';
        }
        if (Character.getType(c) == Character.NON_SPACING_MARK) {
            return ' ';
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char base = decomposed.charAt(0);
        return base < 0x80 && Character.isLetter(base) ? base : c;
    }

    private static String[] moveTone(char glide, char tonedVowel) {
        String decomposed = Normalizer.normalize(String.valueOf(tonedVowel), Normalizer.Form.NFD);
        String tonedGlide = Normalizer.normalize(glide + decomposed.substring(1), Normalizer.Form.NFC);
        return new String[] {tonedGlide, decomposed.substring(0, 1)};
    }
}
