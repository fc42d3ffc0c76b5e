package vn.sohoa.api.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The trade union's abbreviations and their full forms, so that "Liên đoàn Lao động tỉnh Đồng Nai"
 * also finds "LĐLĐ tỉnh Đồng Nai" and the other way round. Works on folded text.
 */
final class UnionAbbreviations {

    private static final List<Form> FORMS = List.of(
            Form.of("ldld", "lien doan lao dong"),
            Form.of("tld", "tong lien doan"),
            Form.of("cdcs", "cong doan co so"),
            Form.of("bch", "ban chap hanh"),
            Form.of("btv", "ban thuong vu"),
            Form.of("ubkt", "uy ban kiem tra"),
            Form.of("dct", "doan chu tich"),
            Form.of("cnvcld", "cong nhan vien chuc lao dong"),
            Form.of("kpcd", "kinh phi cong doan"),
            Form.of("atvsld", "an toan ve sinh lao dong"));
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** An abbreviation and its full form, each found as whole words (compiled once: every query is searched for each). */
    private record Form(String abbreviation, String fullForm, Pattern abbreviationWord, Pattern fullFormWords) {

        static Form of(String abbreviation, String fullForm) {
            return new Form(abbreviation, fullForm, wholeWords(abbreviation), wholeWords(fullForm));
        }

        private static Pattern wholeWords(String words) {
            return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(words) + "(?![\\p{L}\\p{N}])");
        }
    }

    private UnionAbbreviations() {
    }

    /** The folded query and the forms it takes with each abbreviation expanded or each full form abbreviated. */
    static Set<String> variants(String foldedQuery) {
        String query = SPACES.matcher(foldedQuery.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        Set<String> variants = new LinkedHashSet<>();
        variants.add(query);
        for (Form form : FORMS) {
            variants.add(form.fullFormWords().matcher(query).replaceAll(form.abbreviation()));
            variants.add(form.abbreviationWord().matcher(query).replaceAll(form.fullForm()));
        }
        return variants;
    }
}
