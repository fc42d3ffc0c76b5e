package vn.sohoa.api.search;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The trade union's abbreviations and their full forms, so that "Liên đoàn Lao động tỉnh Đồng Nai"
 * also finds "LĐLĐ tỉnh Đồng Nai" and the other way round. Works on folded text.
 */
final class UnionAbbreviations {

    private static final Map<String, String> FULL_FORMS = Map.ofEntries(
            Map.entry("ldld", "lien doan lao dong"),
            Map.entry("tld", "tong lien doan"),
            Map.entry("cdcs", "cong doan co so"),
            Map.entry("bch", "ban chap hanh"),
            Map.entry("btv", "ban thuong vu"),
            Map.entry("ubkt", "uy ban kiem tra"),
            Map.entry("dct", "doan chu tich"),
            Map.entry("cnvcld", "cong nhan vien chuc lao dong"),
            Map.entry("kpcd", "kinh phi cong doan"),
            Map.entry("atvsld", "an toan ve sinh lao dong"));

    private UnionAbbreviations() {
    }

    /** The folded query and the forms it takes with each abbreviation expanded or each full form abbreviated. */
    static Set<String> variants(String foldedQuery) {
        String query = foldedQuery.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        Set<String> variants = new LinkedHashSet<>();
        variants.add(query);
        for (Map.Entry<String, String> form : FULL_FORMS.entrySet()) {
            String abbreviated = replaceWords(query, form.getValue(), form.getKey());
            String expanded = replaceWords(query, form.getKey(), form.getValue());
            variants.add(abbreviated);
            variants.add(expanded);
        }
        return variants;
    }

    private static String replaceWords(String text, String words, String replacement) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(words) + "(?![\\p{L}\\p{N}])")
                .matcher(text).replaceAll(replacement);
    }
}
