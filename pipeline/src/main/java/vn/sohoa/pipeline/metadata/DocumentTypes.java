package vn.sohoa.pipeline.metadata;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The document types of Nghị định 30/2020 with the standard's codes and the abbreviations used in notations. */
final class DocumentTypes {

    record Type(String name, String code, String abbreviation) {
    }

    static final Type CONG_VAN = new Type("Công văn", "22", null);

    private static final Map<String, Type> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, Type> BY_ABBREVIATION = new LinkedHashMap<>();

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
        BY_NAME.put(key(CONG_VAN.name()), CONG_VAN);
    }

    private DocumentTypes() {
    }

    private static void add(String name, String code, String abbreviation) {
        Type type = new Type(name, code, abbreviation);
        BY_NAME.put(key(name), type);
        BY_ABBREVIATION.put(abbreviation.toUpperCase(Locale.ROOT), type);
    }

    /** The type whose name is the whole line, as a title is printed (KẾ HOẠCH, QUYẾT ĐỊNH...). */
    static Optional<Type> byTitle(String line) {
        return Optional.ofNullable(BY_NAME.get(key(line)));
    }

    /**
     * The type named by the first part of a notation ({@code TTr} in {@code TTr-LĐLĐ}). Inside
     * organisation names {@code CĐ} is Công đoàn, so it only counts as Công điện at the start.
     */
    static Optional<Type> byNotation(String notation) {
        String first = notation.split("-")[0].toUpperCase(Locale.ROOT);
        return Optional.ofNullable(BY_ABBREVIATION.get(first));
    }

    private static String key(String name) {
        return vn.sohoa.core.text.VietnameseText.canonical(name).toUpperCase(Locale.ROOT).replaceAll("[^\\p{L} ]", "")
                .replaceAll("\\s+", " ").strip();
    }
}
