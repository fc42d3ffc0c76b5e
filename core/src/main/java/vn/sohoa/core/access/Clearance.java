package vn.sohoa.core.access;

import java.util.Arrays;
import java.util.Optional;
import vn.sohoa.core.text.VietnameseText;

/**
 * The levels of the Law on Protection of State Secrets (2018), in order: a record marked at a level
 * is visible only to users cleared at that level or above. The same scale serves both sides: a
 * record's mark and a user's clearance.
 *
 * @param code the name in the API and on the command line
 * @param mark the mark as printed on the page (Nghị định 30), null for none
 */
public enum Clearance {
    NONE("none", null),
    MAT("mat", "MẬT"),
    TOI_MAT("toi-mat", "TỐI MẬT"),
    TUYET_MAT("tuyet-mat", "TUYỆT MẬT");

    private final String code;
    private final String mark;

    Clearance(String code, String mark) {
        this.code = code;
        this.mark = mark;
    }

    public String code() {
        return code;
    }

    public String mark() {
        return mark;
    }

    /** The level as the index holds it: 0 for none to 3 for Tuyệt mật. */
    public int level() {
        return ordinal();
    }

    public boolean covers(Clearance record) {
        return level() >= record.level();
    }

    public static Optional<Clearance> ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    /**
     * The level of a secrecy mark as read or written ({@code MẬT}, {@code Tối mật}, {@code toi mat});
     * no mark is {@link #NONE}. A mark that is not one of the three counts as {@link #MAT}: whatever
     * was written there says the record is secret.
     */
    public static Clearance ofMark(String mark) {
        if (mark == null || mark.isBlank()) {
            return NONE;
        }
        String folded = VietnameseText.fold(mark).toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z]", "");
        return switch (folded) {
            case "TUYETMAT" -> TUYET_MAT;
            case "TOIMAT" -> TOI_MAT;
            default -> MAT;
        };
    }
}
