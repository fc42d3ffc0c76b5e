package vn.sohoa.api.search;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.sohoa.core.text.VietnameseText;

/**
 * Snippets as the API gives them: HTML whose only tags are marks. Elasticsearch cuts a fragment from
 * the text with its diacritics, each word marked that the folded query matched; sohoa escapes the text
 * around the marks and keeps a mark only where the word is what was typed.
 */
final class Snippets {

    static final String MARK_START = "<mark>";
    static final String MARK_END = "</mark>";

    private static final Pattern MARKED = Pattern.compile(Pattern.quote(MARK_START) + "(.*?)" + Pattern.quote(MARK_END));

    /** Between the words of a query, or of a phrase marked whole ({@code <mark>06/KH-LĐLĐ</mark>}). */
    private static final Pattern BETWEEN_WORDS = Pattern.compile("[\\s\\p{Punct}]+");

    private Snippets() {
    }

    /** The document's own text escaped, the marks kept. */
    static String escaped(String fragment) {
        StringBuilder out = new StringBuilder(fragment.length() + 16);
        for (int i = 0; i < fragment.length(); ) {
            if (fragment.startsWith(MARK_START, i)) {
                out.append(MARK_START);
                i += MARK_START.length();
            } else if (fragment.startsWith(MARK_END, i)) {
                out.append(MARK_END);
                i += MARK_END.length();
            } else {
                char c = fragment.charAt(i++);
                switch (c) {
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '&' -> out.append("&amp;");
                    default -> out.append(c);
                }
            }
        }
        return out.toString();
    }

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
