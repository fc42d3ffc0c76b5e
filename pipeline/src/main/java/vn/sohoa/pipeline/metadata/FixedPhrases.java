package vn.sohoa.pipeline.metadata;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.sohoa.core.text.VietnameseText;

/**
 * Words of fixed phrases of administrative Vietnamese that OCR reads as another word differing
 * only in its tone mark, set right where the phrase leaves no doubt: a year's name in the
 * sixty-year cycle ("Tết Nguyên đán Ất Tỵ", read "Ất Ty"), and revenue and expenditure, "thu, chi"
 * (read "thu, chỉ": "chỉ", only, never follows "thu," as the pair's second word).
 */
final class FixedPhrases {

    /** The ten heavenly stems, the first word of a year's name. */
    private static final String STEMS = "Giáp|Ất|Bính|Đinh|Mậu|Kỷ|Kỉ|Canh|Tân|Nhâm|Quý|Quí";
    /** The twelve earthly branches, its second word, as today's records spell them. */
    private static final List<String> BRANCHES = List.of("Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi",
            "Thân", "Dậu", "Tuất", "Hợi");
    /**
     * A stem and the word after it, taken for a year's name only beside what names a year (Xuân,
     * Tết, Nguyên đán, năm before it, or the year after it): "Tân Dân" is a place.
     */
    private static final Pattern YEAR_NAME = Pattern.compile(
            "(?<before>(?:Xuân|Tết|đán|năm)\\s+)?(?<stem>" + STEMS + ")\\s+(?<branch>\\p{L}+)(?<year>\\s+\\d{4})?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern REVENUE_AND_EXPENDITURE = Pattern.compile("\\b(thu|THU|Thu)(,?\\s+)(chỉ|CHỈ)\\b",
            Pattern.UNICODE_CHARACTER_CLASS);

    private FixedPhrases() {
    }

    /** The text with those words set right; the same text when none was misread. */
    static String spelled(String text) {
        Matcher year = YEAR_NAME.matcher(text);
        StringBuilder out = new StringBuilder();
        while (year.find()) {
            String read = year.group("branch");
            String branch = year.group("year") != null ? branch(read, Integer.parseInt(year.group("year").strip()))
                    : year.group("before") != null ? branch(read) : read;
            year.appendReplacement(out, Matcher.quoteReplacement(text.substring(year.start(), year.start("branch"))
                    + branch + text.substring(year.end("branch"), year.end())));
        }
        year.appendTail(out);
        return REVENUE_AND_EXPENDITURE.matcher(out.toString()).replaceAll(m ->
                Matcher.quoteReplacement(m.group(1) + m.group(2) + (m.group(3).equals("CHỈ") ? "CHI" : "chi")));
    }

    /** The year's branch (1984 was Giáp Tý) where the word reads as it without its marks; the word itself otherwise. */
    private static String branch(String word, int year) {
        String branch = BRANCHES.get(Math.floorMod(year - 1984, BRANCHES.size()));
        return folded(branch).equals(folded(word)) ? inCaseOf(branch, word) : word;
    }

    /** The one branch this word reads as without its marks; the word itself when none does, or two (Tý, Tỵ). */
    private static String branch(String word) {
        List<String> alike = BRANCHES.stream().filter(branch -> folded(branch).equals(folded(word))).toList();
        return alike.size() == 1 ? inCaseOf(alike.get(0), word) : word;
    }

    private static String inCaseOf(String branch, String word) {
        return word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT)) ? branch.toUpperCase(Locale.ROOT)
                : Character.isUpperCase(word.charAt(0)) ? branch : branch.toLowerCase(Locale.ROOT);
    }

    private static String folded(String word) {
        return VietnameseText.fold(word).toLowerCase(Locale.ROOT);
    }
}
