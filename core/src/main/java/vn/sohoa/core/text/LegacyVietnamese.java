package vn.sohoa.core.text;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns Vietnamese text written in a legacy 8-bit encoding into Unicode. The encoding is taken from
 * the font where the format names one, otherwise it is the reading that yields the most well-formed
 * Vietnamese syllables. Text that holds Vietnamese letters only Unicode has (ộ, ư, đ...) is Unicode
 * and is never changed.
 */
public final class LegacyVietnamese {

    /** The readings tried when no font names one, the most common first (it wins a tie). */
    private static final List<LegacyEncoding> GUESSES = List.of(LegacyEncoding.TCVN3, LegacyEncoding.VNI,
            LegacyEncoding.VISCII, LegacyEncoding.WINDOWS_1258, LegacyEncoding.UTF8_AS_CP1252);

    /** Enough text to tell the encoding; a long document is judged on its beginning. */
    private static final int GUESS_SAMPLE = 256 * 1024;

    private LegacyVietnamese() {
    }

    /** A text and what it was converted from. */
    public record Converted(String text, EncodingsFound found) {
    }

    /** A piece of text drawn in one font, as the file stores it (legacy bytes as cp1252 shows them). */
    public record Run(String text, String font) {
    }

    /**
     * The runs of a document's paragraphs in Unicode, in the same shape. In each paragraph, the runs
     * in a legacy font are converted (in capitals for a TCVN3 "...H" font) when that reads at least
     * as well as Vietnamese, and never when they hold Unicode-only letters: Unicode typed in a
     * .VnTime paragraph stays as it is. Once a document shows such Unicode in a font, a paragraph in
     * that font that reads equally well both ways is kept too; otherwise the font wins the tie.
     */
    public static List<List<String>> fromFonts(List<List<Run>> paragraphs, EncodingsFound found) {
        List<Map<LegacyEncoding, String>> texts = new ArrayList<>(paragraphs.size());
        Set<LegacyEncoding> typedInUnicode = EnumSet.noneOf(LegacyEncoding.class);
        for (List<Run> paragraph : paragraphs) {
            Map<LegacyEncoding, String> byEncoding = new EnumMap<>(LegacyEncoding.class);
            for (Run run : paragraph) {
                byEncoding.merge(LegacyEncoding.ofFont(run.font()), run.text(), (a, b) -> a + " " + b);
            }
            byEncoding.forEach((encoding, text) -> {
                if (hasUnicodeLetters(text)) {
                    typedInUnicode.add(encoding);
                }
            });
            texts.add(byEncoding);
        }
        List<List<String>> out = new ArrayList<>(paragraphs.size());
        for (int p = 0; p < paragraphs.size(); p++) {
            Set<LegacyEncoding> convert = EnumSet.noneOf(LegacyEncoding.class);
            texts.get(p).forEach((encoding, text) -> {
                if (encoding != LegacyEncoding.UNICODE && !hasUnicodeLetters(text)) {
                    int converted = Score.of(text, encoding).net();
                    int asIs = Score.of(text, LegacyEncoding.UNICODE).net();
                    if (converted > asIs || converted == asIs && !typedInUnicode.contains(encoding)) {
                        convert.add(encoding);
                    }
                }
            });
            out.add(convert(paragraphs.get(p), convert, found));
        }
        return out;
    }

    private static List<String> convert(List<Run> paragraph, Set<LegacyEncoding> encodings, EncodingsFound found) {
        List<String> out = new ArrayList<>(paragraph.size());
        for (Run run : paragraph) {
            LegacyEncoding encoding = LegacyEncoding.ofFont(run.font());
            String text = run.text();
            if (encodings.contains(encoding)) {
                text = encoding.decode(text);
                if (LegacyEncoding.drawsCapitals(run.font())) {
                    text = text.toUpperCase(Locale.ROOT);
                }
                if (!text.equals(run.text())) {
                    found.add(encoding, run.text().length());
                }
            }
            out.add(text);
        }
        return out;
    }

    /**
     * The bytes of a file whose encoding nothing names (plain text), read in the legacy encoding that
     * makes them Vietnamese; null when none does convincingly (the bytes are best left to Unicode or
     * cp1252 readers).
     */
    public static Converted decode(byte[] bytes) {
        String view = Cp1252View.decode(bytes);
        LegacyEncoding encoding = guess(view);
        if (encoding == LegacyEncoding.UNICODE) {
            return null;
        }
        EncodingsFound found = new EncodingsFound();
        found.add(encoding, view.length());
        return new Converted(encoding.decode(view), found);
    }

    /**
     * Extracted text in which some lines may still be legacy bytes shown as cp1252 ("Liªn ®oµn"),
     * with no font to say so. The encoding is guessed from all lines that could be bytes at all;
     * each such line is converted when that reads better. Lines with Unicode-only letters are kept;
     * in a text that has such lines, a line that reads equally well both ways is kept too.
     */
    public static Converted repair(String text) {
        EncodingsFound found = new EncodingsFound();
        String[] lines = text.split("\n", -1);
        StringBuilder candidates = new StringBuilder();
        boolean uniform = true;
        for (String line : lines) {
            if (hasUnicodeLetters(line)) {
                uniform = false;
            } else {
                candidates.append(line).append('\n');
            }
        }
        LegacyEncoding encoding = guess(candidates.toString());
        if (encoding == LegacyEncoding.UNICODE) {
            return new Converted(text, found);
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!hasUnicodeLetters(line)) {
                int converted = Score.of(line, encoding).net();
                int asIs = Score.of(line, LegacyEncoding.UNICODE).net();
                if (converted > asIs || uniform && converted == asIs) {
                    String decoded = encoding.decode(line);
                    if (!decoded.equals(line)) {
                        found.add(encoding, line.length());
                        line = decoded;
                    }
                }
            }
            out.append(line);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return new Converted(out.toString(), found);
    }

    /**
     * The legacy reading of the text that is convincingly Vietnamese (more well-formed syllables
     * than the text as it is, and few malformed ones), or {@link LegacyEncoding#UNICODE}.
     */
    public static LegacyEncoding guess(String text) {
        String view = text.length() > GUESS_SAMPLE ? text.substring(0, GUESS_SAMPLE) : text;
        Score asIs = Score.of(view, LegacyEncoding.UNICODE);
        LegacyEncoding best = LegacyEncoding.UNICODE;
        Score bestScore = asIs;
        for (LegacyEncoding encoding : GUESSES) {
            Score score = Score.of(view, encoding);
            if (score.net() > bestScore.net()) {
                best = encoding;
                bestScore = score;
            }
        }
        return bestScore.valid() > 2 * bestScore.invalid() ? best : LegacyEncoding.UNICODE;
    }

    /** Whether the text has Vietnamese letters or marks that no 8-bit byte shows: it is Unicode. */
    static boolean hasUnicodeLetters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x100 && Cp1252View.byteOf(c) < 0
                    && (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK)) {
                return true;
            }
        }
        return false;
    }

    /**
     * How Vietnamese a reading of the text is: its words with non-ASCII letters that are well-formed
     * syllables, and those that are not. Words are cut at white space and ASCII punctuation in the
     * text as given; a word counts only if it has a letter there (a lone dash is no word), and it is
     * judged after decoding, without the punctuation around it.
     */
    record Score(int valid, int invalid) {

        int net() {
            return valid - invalid;
        }

        static Score of(String view, LegacyEncoding reading) {
            int valid = 0;
            int invalid = 0;
            int i = 0;
            while (i < view.length()) {
                if (isSeparator(view.charAt(i))) {
                    i++;
                    continue;
                }
                int start = i;
                boolean letter = false;
                boolean ascii = true;
                for (; i < view.length() && !isSeparator(view.charAt(i)); i++) {
                    letter |= Character.isLetter(view.charAt(i));
                    ascii &= view.charAt(i) < 0x80;
                }
                if (!letter || ascii) {
                    continue;
                }
                String word = stripNonLetters(reading.decode(view.substring(start, i)));
                if (word.chars().allMatch(c -> c < 0x80)) {
                    continue;
                }
                if (VietnameseSyllables.isValid(word)) {
                    valid++;
                } else {
                    invalid++;
                }
            }
            return new Score(valid, invalid);
        }

        private static boolean isSeparator(char c) {
            return Character.isWhitespace(c) || Character.isSpaceChar(c) || c < 0x80 && !Character.isLetter(c);
        }

        private static String stripNonLetters(String word) {
            int start = 0;
            int end = word.length();
            while (start < end && !Character.isLetter(word.charAt(start))) {
                start++;
            }
            while (end > start && !Character.isLetter(word.charAt(end - 1))
                    && Character.getType(word.charAt(end - 1)) != Character.NON_SPACING_MARK) {
                end--;
            }
            return word.substring(start, end);
        }
    }
}
