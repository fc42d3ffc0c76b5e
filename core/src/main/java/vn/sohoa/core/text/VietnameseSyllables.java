package vn.sohoa.core.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whether a word is a well-formed Vietnamese syllable: an initial consonant, a rhyme, at most one
 * tone mark on a vowel, the spelling rules of c/k/q, g/gh, ng/ngh, and only the sharp or heavy tone
 * before a final p, t, c or ch. Used to tell which reading of legacy bytes is Vietnamese.
 */
public final class VietnameseSyllables {

    private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";
    private static final String VOWELS = "aăâeêioôơuưy";
    private static final String RHYMES = "a ai ao au ay am an ang anh ap at ac ach ă ăm ăn ăng ăp ăt ăc"
            + " â âu ây âm ân âng âp ât âc e eo em en eng ep et ec ê êu êm ên ênh êp êt êch"
            + " i ia iu im in inh ip it ich iêu iêm iên iêng iêp iêt iêc"
            + " o oi om on ong op ot oc oa oai oao oay oam oan oang oanh oap oat oac oach"
            + " oăm oăn oăng oăp oăt oăc oe oeo oen oet oong ooc ô ôi ôm ôn ông ôp ôt ôc"
            + " ơ ơi ơm ơn ơp ơt u ua ui um un ung up ut uc uân uâng uât uây uê uên uênh uêt uêch"
            + " uôi uôm uôn uông uôt uôc uơ uy uya uyu uyn uynh uyp uyt uych uyên uyêt"
            + " ư ưa ưi ưu ưm ưn ưng ưt ưc ươi ươu ươm ươn ương ươp ươt ươc y yêu yêm yên yêt";
    private static final Pattern SYLLABLE = Pattern.compile(
            "(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?("
                    + Arrays.stream(RHYMES.split(" ")).sorted(Comparator.comparingInt(String::length).reversed())
                            .collect(Collectors.joining("|"))
                    + ")");

    private VietnameseSyllables() {
    }

    public static boolean isValid(String word) {
        String nfd = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder toneless = new StringBuilder(nfd.length());
        char tone = 0;
        char lastBase = 0;
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if (TONES.indexOf(c) >= 0) {
                if (tone != 0 || VOWELS.indexOf(lastBase) < 0) {
                    return false;
                }
                tone = c;
            } else {
                toneless.append(c);
                if (Character.getType(c) != Character.NON_SPACING_MARK) {
                    lastBase = c;
                }
            }
        }
        String letters = Normalizer.normalize(toneless, Normalizer.Form.NFC);
        if ("gi".equals(letters)) {
            return true;
        }
        Matcher m = SYLLABLE.matcher(letters);
        return m.matches() && spelledRight(m.group(1) == null ? "" : m.group(1), m.group(2))
                && toneFitsFinal(tone, m.group(2));
    }

    /**
     * Two syllables OCR ran together set apart ({@code VIỆTNAM} is {@code VIỆT NAM}) when they can be
     * split only one way; any other word as it is.
     */
    public static String apart(String word) {
        if (word.length() < 4 || !word.chars().allMatch(Character::isLetter) || isValid(word)) {
            return word;
        }
        String found = null;
        for (int i = 1; i < word.length(); i++) {
            if (isValid(word.substring(0, i)) && isValid(word.substring(i))) {
                if (found != null) {
                    return word;
                }
                found = word.substring(0, i) + " " + word.substring(i);
            }
        }
        return found == null ? word : found;
    }

    private static boolean spelledRight(String initial, String rhyme) {
        boolean front = "eêiy".indexOf(rhyme.charAt(0)) >= 0;
        return switch (initial) {
            case "c", "ng" -> !front;
            case "g" -> rhyme.charAt(0) == 'i' || !front;
            case "k" -> front;
            case "gh", "ngh" -> front && rhyme.charAt(0) != 'y';
            case "qu" -> rhyme.charAt(0) != 'u' && rhyme.charAt(0) != 'o';
            default -> true;
        };
    }

    private static boolean toneFitsFinal(char tone, String rhyme) {
        boolean stop = rhyme.endsWith("p") || rhyme.endsWith("t") || rhyme.endsWith("c") || rhyme.endsWith("ch");
        return !stop || tone == '\u0301' || tone == '\u0323';
    }
}
