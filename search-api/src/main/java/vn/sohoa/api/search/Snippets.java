package vn.sohoa.api.search;

import vn.sohoa.core.text.VietnameseText;

/**
 * Turns a highlight found in the folded text back into the original text. Folding keeps every
 * character's position, so the fragment's place in the folded text is its place in the original:
 * the snippet shows the document's own diacritics, whichever way the query was typed.
 */
final class Snippets {

    static final String MARK_START = "<mark>";
    static final String MARK_END = "</mark>";

    private Snippets() {
    }

    static String restore(String foldedFragment, String original, String foldedOriginal) {
        String plain = foldedFragment.replace(MARK_START, "").replace(MARK_END, "");
        int start = foldedOriginal.indexOf(plain);
        if (start < 0) {
            return foldedFragment.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    .replace("&lt;mark&gt;", MARK_START).replace("&lt;/mark&gt;", MARK_END);
        }
        StringBuilder out = new StringBuilder(foldedFragment.length());
        int source = start;
        for (int i = 0; i < foldedFragment.length(); ) {
            if (foldedFragment.startsWith(MARK_START, i)) {
                out.append(MARK_START);
                i += MARK_START.length();
            } else if (foldedFragment.startsWith(MARK_END, i)) {
                out.append(MARK_END);
                i += MARK_END.length();
            } else {
                appendEscaped(out, original.charAt(source++));
                i++;
            }
        }
        return out.toString();
    }

    /** Snippets are HTML with only {@code <mark>} tags: the document's own text is escaped. */
    private static void appendEscaped(StringBuilder out, char c) {
        switch (c) {
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '&' -> out.append("&amp;");
            default -> out.append(c);
        }
    }

    static String foldedOf(String original) {
        return VietnameseText.fold(original);
    }
}
