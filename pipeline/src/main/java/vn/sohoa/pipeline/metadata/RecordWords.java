package vn.sohoa.pipeline.metadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import vn.sohoa.core.text.VietnameseText;

/**
 * The words of a record outside the field being checked, to check a field's words against the same
 * words elsewhere in the document: a word OCR misread in its diacritics in the header ("chuyển đối
 * số") is most often read right in the body ("chuyển đổi số"), between the same neighbours.
 */
final class RecordWords {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");

    private final List<String> words = new ArrayList<>();
    private final Map<String, List<Integer>> byFolded = new HashMap<>();

    /** The words of these lines. */
    RecordWords(List<String> lines) {
        for (String line : lines) {
            for (String token : SPACES.split(line)) {
                String core = core(token);
                if (!core.isEmpty()) {
                    byFolded.computeIfAbsent(VietnameseText.fold(core), k -> new ArrayList<>()).add(words.size());
                    words.add(core);
                }
            }
        }
    }

    /**
     * The phrase with each word the rest of the record spells otherwise between the same neighbours
     * spelled as it is there, when it is there more often than as read. Case and punctuation are kept.
     */
    String spelled(String phrase) {
        return spelled(phrase, 0, null);
    }

    /**
     * As {@link #spelled(String)}, leaving alone the words OCR was sure of: {@code confidences} gives
     * Tesseract's confidence of each word of the phrase (null: none known).
     */
    String spelled(String phrase, double[] confidences) {
        return spelled(phrase, 0, confidences);
    }

    /** As {@link #spelled(String)}, for a phrase that stands once among these words itself (a signer's name). */
    String spelledOnce(String phrase) {
        return spelled(phrase, 1, null);
    }

    /** How often the whole phrase stands in the record, spelled the same (any case). */
    int occurrences(String phrase) {
        String[] tokens = SPACES.split(phrase.strip());
        int found = 0;
        for (int at : byFolded.getOrDefault(VietnameseText.fold(core(tokens[0])), List.of())) {
            boolean all = true;
            for (int k = 0; k < tokens.length && all; k++) {
                all = at + k < words.size() && words.get(at + k).equals(core(tokens[k]));
            }
            found += all ? 1 : 0;
        }
        return found;
    }

    /**
     * The whole name of which this one is the end, where the record writes it after a family name
     * ("Kim Lan" read under a signature, "Đặng Kim Lan" in the minutes; "Đinh Khoa" read for "Đình
     * Khoa", its family name lost), spelled as the record spells it, if the record writes just one.
     */
    String longerName(String name) {
        String[] tokens = SPACES.split(name.strip());
        String longer = null;
        for (int at : byFolded.getOrDefault(VietnameseText.fold(core(tokens[0])), List.of())) {
            boolean all = at > 0;
            for (int k = 0; k < tokens.length && all; k++) {
                all = at + k < words.size() && VietnameseText.fold(words.get(at + k)).equals(VietnameseText.fold(core(tokens[k])));
            }
            if (all && PersonNames.isFamilyName(words.get(at - 1))) {
                StringBuilder found = new StringBuilder(capitalised(words.get(at - 1)));
                for (int k = 0; k < tokens.length; k++) {
                    found.append(' ').append(capitalised(words.get(at + k)));
                }
                if (longer != null && !longer.equals(found.toString())) {
                    return null;
                }
                longer = found.toString();
            }
        }
        return longer;
    }

    private static String capitalised(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    private String spelled(String phrase, int own, double[] confidences) {
        String[] tokens = SPACES.split(phrase.strip());
        String[] cores = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            cores[i] = core(tokens[i]);
        }
        StringBuilder out = new StringBuilder();
        int word = 0;
        for (int i = 0; i < tokens.length; i++) {
            boolean sure = !cores[i].isEmpty() && confidences != null && word < confidences.length
                    && confidences[word] >= ReadingConfidence.SURE_WORDS;
            word += cores[i].isEmpty() ? 0 : 1;
            String better = sure || tokens.length < 2 || cores[i].isEmpty() || cores[i].chars().anyMatch(Character::isDigit) ? null
                    : betterSpelling(cores, i, own);
            out.append(i == 0 ? "" : " ").append(better == null ? tokens[i] : tokens[i].replace(original(tokens[i]), cased(better, original(tokens[i]))));
        }
        return out.toString();
    }

    /** Whether every word of the phrase stands in the rest of the record beside one of its neighbours in the phrase. */
    boolean attests(String phrase) {
        String[] tokens = SPACES.split(phrase.strip());
        List<String> cores = new ArrayList<>();
        for (String token : tokens) {
            String core = core(token);
            if (!core.isEmpty()) {
                cores.add(core);
            }
        }
        if (cores.size() < 2) {
            return false;
        }
        for (int i = 0; i < cores.size(); i++) {
            if (cores.get(i).chars().allMatch(Character::isDigit)) {
                continue;
            }
            boolean beside = false;
            for (int at : byFolded.getOrDefault(VietnameseText.fold(cores.get(i)), List.of())) {
                if (!words.get(at).equals(cores.get(i))) {
                    continue;
                }
                beside |= i > 0 && at > 0 && words.get(at - 1).equals(cores.get(i - 1));
                beside |= i + 1 < cores.size() && at + 1 < words.size() && words.get(at + 1).equals(cores.get(i + 1));
            }
            if (!beside) {
                return false;
            }
        }
        return true;
    }

    /** Whether the last two words of a name stand together in the record, spelled the same (any case). */
    boolean containsTail(String name) {
        String[] tokens = SPACES.split(name.strip());
        if (tokens.length < 2) {
            return false;
        }
        String last = core(tokens[tokens.length - 1]);
        String before = core(tokens[tokens.length - 2]);
        for (int at : byFolded.getOrDefault(VietnameseText.fold(last), List.of())) {
            if (at > 0 && words.get(at).equals(last) && words.get(at - 1).equals(before)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the whole phrase stands in the record, spelled the same (any case). */
    boolean contains(String phrase) {
        String[] tokens = SPACES.split(phrase.strip());
        String first = core(tokens[0]);
        for (int at : byFolded.getOrDefault(VietnameseText.fold(first), List.of())) {
            boolean all = true;
            for (int k = 0; k < tokens.length && all; k++) {
                all = at + k < words.size() && words.get(at + k).equals(core(tokens[k]));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private String betterSpelling(String[] cores, int i, int own) {
        String previous = i > 0 ? cores[i - 1] : null;
        String next = i + 1 < cores.length ? cores[i + 1] : null;
        Map<String, Integer> others = new HashMap<>();
        int asRead = 0;
        for (int at : byFolded.getOrDefault(VietnameseText.fold(cores[i]), List.of())) {
            if (between(at, previous, next)) {
                if (words.get(at).equals(cores[i])) {
                    asRead++;
                } else {
                    others.merge(words.get(at), 1, Integer::sum);
                }
            }
        }
        asRead -= own;
        String best = null;
        for (Map.Entry<String, Integer> other : others.entrySet()) {
            if (other.getValue() > asRead && (best == null || other.getValue() > others.get(best))) {
                best = other.getKey();
            }
        }
        // The body is OCRed too: its spelling wins only if it is not the rarer one over the whole record.
        return best != null && count(best) >= count(cores[i]) - own ? best : null;
    }

    private int count(String word) {
        return (int) byFolded.getOrDefault(VietnameseText.fold(word), List.of()).stream()
                .filter(at -> words.get(at).equals(word)).count();
    }

    /** Whether the word at this place stands between these neighbours (null: the phrase's edge, not checked). */
    private boolean between(int at, String previous, String next) {
        boolean before = previous == null || at > 0 && words.get(at - 1).equals(previous);
        boolean after = next == null || at + 1 < words.size() && words.get(at + 1).equals(next);
        return before && after;
    }

    /** The word with the punctuation around it dropped, in lower case. */
    private static String core(String token) {
        return original(token).toLowerCase(Locale.ROOT);
    }

    private static String original(String token) {
        return EDGE_PUNCTUATION.matcher(VietnameseText.nfc(token)).replaceAll("");
    }

    /** The word in the case the read one was printed in: all capitals, capitalised or lower case. */
    private static String cased(String word, String like) {
        if (like.length() > 1 && like.equals(like.toUpperCase(Locale.ROOT))) {
            return word.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(like.charAt(0))) {
            return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
        }
        return word;
    }
}
