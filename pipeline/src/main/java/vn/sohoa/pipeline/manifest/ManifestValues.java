package vn.sohoa.pipeline.manifest;

import static vn.sohoa.core.document.ManifestKeys.CODE_NOTATION;
import static vn.sohoa.core.document.ManifestKeys.CODE_NUMBER;
import static vn.sohoa.core.document.ManifestKeys.CONFIDENCE_LEVEL;
import static vn.sohoa.core.document.ManifestKeys.CONFIDENTIALITY;
import static vn.sohoa.core.document.ManifestKeys.DOCUMENT_NUMBER;
import static vn.sohoa.core.document.ManifestKeys.DOCUMENT_TYPE;
import static vn.sohoa.core.document.ManifestKeys.FORMAT;
import static vn.sohoa.core.document.ManifestKeys.ISSUED_DATE;
import static vn.sohoa.core.document.ManifestKeys.LANGUAGE;
import static vn.sohoa.core.document.ManifestKeys.MODE;
import static vn.sohoa.core.document.ManifestKeys.NUMBER_OF_PAGE;
import static vn.sohoa.core.document.ManifestKeys.TYPE_NAME;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.sohoa.core.text.VietnameseText;
import vn.sohoa.pipeline.metadata.DocumentNumber;
import vn.sohoa.pipeline.metadata.DocumentTypes;

/**
 * A manifest cell as the archive keeps it: dates in ISO, a type as its code and name, coded fields
 * as the standard's codes, Số ký hiệu split into number and notation. A value that cannot be
 * understood is kept as written.
 */
final class ManifestValues {

    private static final Pattern ISO = Pattern.compile("^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T][\\d:.]+)?$");
    /** Day first, as dates are written in Vietnam: 05/02/2024, 5/2/2024, 05-02-2024, 05.02.2024. */
    private static final Pattern DAY_FIRST = Pattern.compile("^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?:\\s+[\\d:]+)?$");
    private static final Pattern WORDS = Pattern.compile(
            "ng[àa]y\\s*(\\d{1,2})\\s*th[áa]ng\\s*(\\d{1,2})\\s*n[ăa]m\\s*(\\d{4})", Pattern.CASE_INSENSITIVE);
    private static final Pattern CODE_FIRST = Pattern.compile("^(\\d{1,2})(?:\\s*[-.:)]\\s*.*)?$");

    private static final Map<String, Map<String, String>> CODES = Map.of(
            MODE, codes("01", "Công khai", "02", "Sử dụng có điều kiện", "02", "Hạn chế", "03", "Mật", "03", "Tối mật",
                    "03", "Tuyệt mật"),
            CONFIDENCE_LEVEL, codes("01", "Gốc điện tử", "02", "Số hóa", "03", "Hỗn hợp"),
            FORMAT, codes("01", "Tốt", "02", "Bình thường", "03", "Hỏng"),
            LANGUAGE, codes("01", "Tiếng Việt", "01", "Việt", "01", "vi", "02", "Tiếng Anh", "02", "Anh", "02", "en",
                    "06", "Tiếng Việt - Tiếng Anh", "06", "Việt - Anh", "11", "Khác"));

    private ManifestValues() {
    }

    /** The value or values the cell gives: Số ký hiệu gives a number and a notation, a type its code and name. */
    static Map<String, String> of(String key, String written) {
        Map<String, String> values = new LinkedHashMap<>();
        switch (key) {
            case ISSUED_DATE -> values.put(key, isoDate(written).orElse(written));
            case TYPE_NAME -> type(written, values);
            case DOCUMENT_NUMBER -> DocumentNumber.parse(written).ifPresentOrElse(number -> {
                values.put(CODE_NUMBER, number.number());
                values.put(CODE_NOTATION, number.notation());
            }, () -> values.put(DOCUMENT_NUMBER, written));
            case CODE_NUMBER -> values.put(key, written.replaceFirst("(?iu)^số\\s*[:.]?\\s*", "").replaceAll("\\s+", ""));
            case CODE_NOTATION -> values.put(key, written.replaceAll("\\s*[-–]\\s*", "-"));
            case NUMBER_OF_PAGE -> values.put(key, written.replaceFirst("^(\\d+)\\.0+$", "$1"));
            case MODE, CONFIDENCE_LEVEL, FORMAT, LANGUAGE -> values.put(key, coded(CODES.get(key), written));
            case CONFIDENTIALITY -> values.put(key, VietnameseText.nfc(written.strip()).replaceAll("\\s+", " ").toUpperCase(Locale.ROOT));
            default -> values.put(key, written);
        }
        return values;
    }

    static Optional<String> isoDate(String written) {
        String text = written.strip();
        Matcher m;
        try {
            if ((m = ISO.matcher(text)).matches()) {
                return Optional.of(date(m.group(1), m.group(2), m.group(3)));
            }
            if ((m = DAY_FIRST.matcher(text)).matches() || (m = WORDS.matcher(text)).find()) {
                return Optional.of(date(m.group(3), m.group(2), m.group(1)));
            }
        } catch (DateTimeException noSuchDay) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String date(String year, String month, String day) {
        return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)).toString();
    }

    /**
     * "Kế hoạch", "KH", "10" or "10 - Kế hoạch" give code 10 and its name. A name outside the
     * standard's list is kept as written, with code 32 (Khác), as the standard files such types.
     */
    private static void type(String written, Map<String, String> values) {
        Matcher code = CODE_FIRST.matcher(written.strip());
        Optional<DocumentTypes.Type> type = code.matches() ? DocumentTypes.byCode(code.group(1))
                : DocumentTypes.byName(written);
        if (type.isPresent()) {
            values.put(TYPE_NAME, type.get().code());
            values.put(DOCUMENT_TYPE, type.get().name());
        } else if (code.matches()) {
            values.put(TYPE_NAME, written);
        } else {
            values.put(TYPE_NAME, DocumentTypes.byCode("32").orElseThrow().code());
            values.put(DOCUMENT_TYPE, written);
        }
    }

    /** "1", "01" or the name, with or without diacritics, give the code; anything else is kept as written. */
    private static String coded(Map<String, String> byName, String written) {
        String text = written.strip();
        if (text.matches("\\d{1,2}")) {
            String code = text.length() == 1 ? "0" + text : text;
            return byName.containsValue(code) ? code : written;
        }
        return byName.getOrDefault(folded(text), written);
    }

    private static Map<String, String> codes(String... codesAndNames) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (int i = 0; i < codesAndNames.length; i += 2) {
            byName.put(folded(codesAndNames[i + 1]), codesAndNames[i]);
        }
        return byName;
    }

    private static String folded(String name) {
        return VietnameseText.fold(VietnameseText.nfc(name)).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
