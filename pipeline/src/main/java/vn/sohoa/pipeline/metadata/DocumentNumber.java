package vn.sohoa.pipeline.metadata;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Số ký hiệu split in two: the number ({@code 06}, {@code 06b}) and the notation ({@code CTr-LĐLĐ}). */
public record DocumentNumber(String number, String notation) {

    /** Number, slash, notation, with the spaces OCR and typists put around them. */
    static final String NUMBER_AND_NOTATION =
            "(\\d{1,5}\\s*[a-zA-Z]?)\\s*/\\s*([\\p{L}\\d]+(?:\\s*[-–]\\s*[\\p{L}\\d]+)*)";
    private static final Pattern WRITTEN = Pattern.compile(
            "^(?:S[ốôoó]\\s*[:;.]?\\s*)?" + NUMBER_AND_NOTATION + "$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** From a match of {@link #NUMBER_AND_NOTATION} whose groups start at {@code group}. */
    static DocumentNumber of(Matcher match, int group) {
        return new DocumentNumber(match.group(group).replaceAll("\\s+", ""),
                match.group(group + 1).replaceAll("\\s+", "").replace('–', '-'));
    }

    /** As a person types it in a list: {@code 06/CTr-LĐLĐ}, {@code Số: 06 / CTr - LĐLĐ}. */
    public static Optional<DocumentNumber> parse(String written) {
        Matcher m = WRITTEN.matcher(written.strip().replace('Ð', 'Đ').replace('ð', 'đ'));
        return m.matches() ? Optional.of(of(m, 1)) : Optional.empty();
    }

    @Override
    public String toString() {
        return number + "/" + notation;
    }
}
