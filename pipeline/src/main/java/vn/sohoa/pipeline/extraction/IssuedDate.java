package vn.sohoa.pipeline.extraction;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The date an administrative document was issued, from its "..., ngày 18 tháng 01 năm 2024" line. */
public final class IssuedDate {

    private static final Pattern DATE_LINE = Pattern.compile(
            "ngày\\s*(\\d{1,2})\\s*tháng\\s*(\\d{1,2})\\s*năm\\s*(\\d{4})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** The date line is in the header: only the start of the first page is read. */
    private static final int HEADER_CHARS = 1500;

    private IssuedDate() {
    }

    public static Optional<LocalDate> find(String firstPage) {
        if (firstPage == null) {
            return Optional.empty();
        }
        Matcher m = DATE_LINE.matcher(firstPage.substring(0, Math.min(firstPage.length(), HEADER_CHARS)));
        while (m.find()) {
            try {
                LocalDate date = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1)));
                if (date.getYear() >= 1945 && !date.isAfter(LocalDate.now().plusYears(1))) {
                    return Optional.of(date);
                }
            } catch (DateTimeException e) {
                // an OCR misreading such as "ngày 38": look further
            }
        }
        return Optional.empty();
    }
}
