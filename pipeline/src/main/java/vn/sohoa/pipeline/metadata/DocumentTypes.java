package vn.sohoa.pipeline.metadata;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.sohoa.core.text.VietnameseText;

/**
 * The document types of the standard (Thông tư 05/2025, codes 01 to 32; Nghị định 30/2020 for the
 * abbreviations used in notations).
 */
public final class DocumentTypes {

    public record Type(String name, String code, String abbreviation) {
    }

    static final Type CONG_VAN = new Type("Công văn", "22", null);

    /** The types an administrative document prints as its title (a letter, Công văn, prints none). */
    private static final Map<String, Type> BY_TITLE = new LinkedHashMap<>();
    private static final Map<String, Type> BY_ABBREVIATION = new LinkedHashMap<>();
    private static final Map<String, Type> BY_CODE = new LinkedHashMap<>();
    private static final Map<String, Type> BY_FOLDED_NAME = new LinkedHashMap<>();

    static {
        add("Nghị quyết", "01", "NQ");
        add("Quyết định", "02", "QĐ");
        add("Chỉ thị", "03", "CT");
        add("Quy chế", "04", "QC");
        add("Quy định", "05", "QyĐ");
        add("Thông cáo", "06", "TC");
        add("Thông báo", "07", "TB");
        add("Hướng dẫn", "08", "HD");
        add("Chương trình", "09", "CTr");
        add("Kế hoạch", "10", "KH");
        add("Phương án", "11", "PA");
        add("Đề án", "12", "ĐA");
        add("Dự án", "13", "DA");
        add("Báo cáo", "14", "BC");
        add("Tờ trình", "15", "TTr");
        add("Giấy ủy quyền", "16", "GUQ");
        add("Phiếu gửi", "17", "PG");
        add("Phiếu chuyển", "18", "PC");
        add("Phiếu báo", "19", "PB");
        add("Biên bản", "20", "BB");
        add("Hợp đồng", "21", "HĐ");
        add("Công điện", "23", "CĐ");
        add("Bản ghi nhớ", "24", "BGN");
        add("Bản thỏa thuận", "25", "BTT");
        add("Giấy mời", "26", "GM");
        add("Giấy giới thiệu", "27", "GGT");
        add("Giấy nghỉ phép", "28", "GNP");
        BY_TITLE.put(key(CONG_VAN.name()), CONG_VAN);
        for (Type type : new Type[] {CONG_VAN, new Type("Thư công", "29", null), new Type("Bản đồ", "30", null),
                new Type("Bản vẽ kỹ thuật", "31", null), new Type("Khác", "32", null)}) {
            named(type);
        }
    }

    private DocumentTypes() {
    }

    private static void add(String name, String code, String abbreviation) {
        Type type = new Type(name, code, abbreviation);
        BY_TITLE.put(key(name), type);
        BY_ABBREVIATION.put(abbreviation.toUpperCase(Locale.ROOT), type);
        named(type);
    }

    private static void named(Type type) {
        BY_CODE.put(type.code(), type);
        BY_FOLDED_NAME.put(folded(type.name()), type);
    }

    /** The type whose name is the whole line, as a title is printed (KẾ HOẠCH, QUYẾT ĐỊNH...). */
    static Optional<Type> byTitle(String line) {
        return Optional.ofNullable(BY_TITLE.get(key(line)));
    }

    /**
     * The type named by the first part of a notation ({@code TTr} in {@code TTr-LĐLĐ}). Inside
     * organisation names {@code CĐ} is Công đoàn, so it only counts as Công điện at the start.
     */
    static Optional<Type> byNotation(String notation) {
        String first = notation.split("-")[0].toUpperCase(Locale.ROOT);
        return Optional.ofNullable(BY_ABBREVIATION.get(first));
    }

    /** The type with this code, {@code 10} or {@code 9} for {@code 09}. */
    public static Optional<Type> byCode(String code) {
        String digits = code == null ? "" : code.strip();
        if (!digits.matches("\\d{1,2}")) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_CODE.get(digits.length() == 1 ? "0" + digits : digits));
    }

    /**
     * The type a person wrote: its name in any case, with or without diacritics ({@code Kế hoạch},
     * {@code KE HOACH}), or its abbreviation ({@code KH}).
     */
    public static Optional<Type> byName(String written) {
        if (written == null) {
            return Optional.empty();
        }
        Type type = BY_FOLDED_NAME.get(folded(written));
        return type != null ? Optional.of(type)
                : Optional.ofNullable(BY_ABBREVIATION.get(VietnameseText.nfc(written.strip()).toUpperCase(Locale.ROOT)));
    }

    private static String key(String name) {
        return VietnameseText.canonical(name).toUpperCase(Locale.ROOT).replaceAll("[^\\p{L} ]", "")
                .replaceAll("\\s+", " ").strip();
    }

    private static String folded(String name) {
        return VietnameseText.fold(key(name));
    }
}
