package vn.sohoa.ocr;

import java.util.regex.Pattern;

/**
 * What Tesseract reads on Vietnamese pages that is never printed on them, set right in each word:
 * letters Vietnamese does not use, read for the ones they look like (the Icelandic eth Ð, ð for Đ,
 * đ, sometimes beside the Đ it doubles: "CĐÐN"; ø for an o that a seal's ring or a pen stroke
 * crossed), and the rules of tables and underlines, read as "|", "¡" (a broken rule) or "_" alone
 * or at a word's edge ("2_", "|Lâm", "¡5").
 */
final class Misreadings {

    private static final Pattern RULES_AT_EDGES = Pattern.compile("^[|_¡]+|[|_¡]+$");

    private Misreadings() {
    }

    /** The word as printed; empty when it was only a rule. */
    static String corrected(String word) {
        return RULES_AT_EDGES.matcher(word).replaceAll("")
                .replace("ĐÐ", "Đ").replace("ÐĐ", "Đ").replace('Ð', 'Đ').replace('ð', 'đ')
                .replace('ø', 'o').replace('Ø', 'O');
    }
}
