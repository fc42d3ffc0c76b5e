package vn.sohoa.core.text;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How close OCR text is to the ground truth, as the corpus measures it: character error rate is the
 * Levenshtein distance over NFC text with whitespace runs folded to one space, divided by the
 * reference length; word recall is the share of reference words (split on whitespace, as a
 * multiset, order ignored) found in the OCR text.
 */
public final class TextMetrics {

    private TextMetrics() {
    }

    public static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }

    /** Edit distance between the normalised texts. */
    public static int distance(String reference, String read) {
        return levenshtein(normalise(reference), normalise(read));
    }

    /** Reference words found in the read text, counted as a multiset. */
    public static int wordsFound(String reference, String read) {
        Map<String, Integer> available = new HashMap<>();
        for (String word : words(read)) {
            available.merge(word, 1, Integer::sum);
        }
        int found = 0;
        for (String word : words(reference)) {
            Integer left = available.get(word);
            if (left != null && left > 0) {
                available.put(word, left - 1);
                found++;
            }
        }
        return found;
    }

    public static List<String> words(String text) {
        String normal = normalise(text);
        return normal.isEmpty() ? List.of() : List.of(normal.split(" "));
    }

    private static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
