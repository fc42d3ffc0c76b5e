package vn.sohoa.api.search;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final Pattern MARKED = Pattern.compile(Pattern.quote(MARK_START) + "(.*?)" + Pattern.quote(MARK_END));

    /** Between the words of a query, or of a phrase marked whole ({@code <mark>06/KH-LĐLĐ</mark>}). */
    private static final Pattern BETWEEN_WORDS = Pattern.compile("[\\s\\p{Punct}]+");

    /**
     * Keeps the mark on a word only where it is what was typed: a query word typed with diacritics
     * marks only that exact word (công, not có or cống); a word typed without them marks every form.
     * A phrase marked whole keeps its mark when each of its words was typed.
     */
    static String keepExactMarks(String snippet, List<String> queryWords) {
        Matcher m = MARKED.matcher(snippet);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String marked = m.group(1);
            boolean typed = words(marked).stream().allMatch(word -> queryWords.stream().anyMatch(q -> matches(q, word)));
            m.appendReplacement(out, Matcher.quoteReplacement(typed ? m.group() : marked));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The words a snippet marks, as the document writes them. */
    static List<String> markedWords(String snippet) {
        List<String> words = new java.util.ArrayList<>();
        Matcher m = MARKED.matcher(snippet);
        while (m.find()) {
            words.addAll(words(m.group(1)));
        }
        return words;
    }

    /** The words of a text, as {@link #keepExactMarks} compares them. */
    static List<String> words(String text) {
        return java.util.Arrays.stream(BETWEEN_WORDS.split(text)).filter(w -> !w.isEmpty()).toList();
    }

    private static boolean matches(String queryWord, String word) {
        String q = VietnameseText.canonical(queryWord).toLowerCase(Locale.ROOT);
        String w = VietnameseText.canonical(word).toLowerCase(Locale.ROOT);
        if (!VietnameseText.fold(q).equals(VietnameseText.fold(w))) {
            return false;
        }
        return !VietnameseText.hasDiacritics(q) || q.equals(w);
    }
}
