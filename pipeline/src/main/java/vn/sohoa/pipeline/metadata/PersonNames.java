package vn.sohoa.pipeline.metadata;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.sohoa.core.text.VietnameseSyllables;
import vn.sohoa.core.text.VietnameseText;

/**
 * A person's name as printed under a signature: a family name, middle names and a given name, each
 * word capitalised. Vietnamese family names are a short list, so a line is taken for a name only when
 * it starts with one: the name is then whole, not the given names left after a seal or signature
 * covered the family name. A family name misread only in its diacritics ("Đỉnh" for Đinh) is set
 * right as the commonest family name that reads the same without them. A given name (the last word)
 * that no list of given names holds ("Trỉnh" for Trinh, "Tầm" for Tâm, "Văn" for Vân) may be set
 * right the same way where OCR doubted it ({@link #withListedGivenName}).
 */
final class PersonNames {

    private static final Pattern WORDS = Pattern.compile("^\\p{Lu}\\p{Ll}*(\\s+\\p{Lu}\\p{Ll}*){1,5}$");
    /** Words in capitals before the name: no part of it (seal text, a title's tail read on the name's line). */
    private static final Pattern LEADING_CAPITALS = Pattern.compile("^(\\p{Lu}{2,}[^\\p{L}]*\\s+)+");
    /** Two name words OCR ran together ("LýBíchTâm"). */
    private static final String RUN_TOGETHER = "(\\p{Ll})(\\p{Lu})";
    private static final Pattern EDGE_MARKS = Pattern.compile("^[^\\p{L}]+|[^\\p{L}]+$");
    private static final Pattern NAME_WORD = Pattern.compile("^\\p{Lu}\\p{Ll}*$");
    /** A name word a stroke ran into the word before it ("Thị" of "PhawZThị"). */
    private static final Pattern NAME_WORD_AT_END = Pattern.compile("\\p{Lu}\\p{Ll}+$");
    /** What is left of a name word whose start a seal hid: two letters or more, in lower case. */
    private static final Pattern CUT_WORD_END = Pattern.compile("\\p{Ll}{2,}");

    /** The family names of Vietnam's Kinh majority and of the ethnic groups of the South-East and Central Highlands. */
    private static final List<String> FAMILY_NAMES = List.of(
            "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Dương", "Lý", "Lương", "Trương", "Đinh", "Đoàn", "Lâm", "Mai", "Trịnh", "Đào", "Cao", "Hà", "Tạ", "Tô",
            "Châu", "Chu", "Thái", "Kiều", "Lưu", "Văn", "Tăng", "Quách", "La", "Lã", "Triệu", "Vương", "Phùng", "Hứa",
            "Lục", "Mạc", "Nông", "Kim", "Diệp", "Hầu", "Khổng", "Tống", "Lạc", "Giang", "Thân", "Thạch", "Danh",
            "Điểu", "Lò", "Đàm", "Nghiêm", "Ninh", "Quan", "Tôn", "Từ", "Vi", "Âu", "Bạch", "Cù", "Doãn", "Đồng",
            "Đường", "Giáp", "Hàn", "Khúc", "Khương", "Lại", "Lữ", "Mã", "Mạnh", "Ông", "Phí", "Phó", "Quản", "Sầm",
            "Sơn", "Tiêu", "Trà", "Trang", "Ứng", "Vòng", "Nhữ", "Ôn", "Đậu", "Ngọ", "Thiều", "Thiệu", "Tưởng",
            "Viên", "Bế", "Bàn", "Cầm", "Đèo", "Lường", "Quàng", "Lộc", "Ngụy", "Nhâm", "Tào", "Tất", "Trình", "Uông",
            "Vạn", "Biện", "Cung", "Chế", "Chiêm", "Chung", "Cổ", "Đái", "Đổng", "Hạ", "Kha", "Khâu", "Khuất", "Liêu",
            "Liễu", "Lỗ", "Mạch", "Mẫn", "Phương", "Thẩm", "Tiết", "Trầm", "Ung", "Yên", "Nay", "Siu", "Ksor", "Kpă",
            "Lăng", "Luân", "Mẫu", "Mông", "Phù", "Hình", "Giả", "Công", "Đồ");
    /**
     * Given names, the commonest of those that read alike without diacritics first. A middle name
     * standing last (Văn, Thị) is none: it is read as the given name it is taken for.
     */
    private static final List<String> GIVEN_NAMES = List.of(
            "Anh", "Ánh", "An", "Linh", "Lĩnh", "Hương", "Hường", "Trang", "Hà", "Hạ", "Thảo", "Ngọc", "Hoa", "Hòa",
            "Lan", "Hằng", "Phương", "Phượng", "Thủy", "Thúy", "Thùy", "Thụy", "Mai", "Nga", "Ngà", "Hạnh", "Hanh",
            "Huyền", "Nhung", "Dũng", "Dung", "Hiền", "Hiển", "Hiến", "Loan", "Oanh", "Yến", "Yên", "Thu", "Thư",
            "Vân", "Liên", "Nhân", "Nhàn", "Nhạn", "Quyên", "Hồng", "Giang", "Hậu", "Uyên", "Trinh", "Tâm", "Tám",
            "Thanh", "Thành", "Thạnh", "Nhi", "Vy", "Vi", "Vĩ", "Vỹ", "Châu", "Diệp", "Ly", "Lý", "Mỹ", "My", "Hoài",
            "Thắm", "Tuyết", "Xuân", "Diễm", "Duyên", "Huệ", "Lệ", "Lài", "Lụa", "Mơ", "Ngân", "Nguyệt", "Nhã",
            "Nương", "Quế", "Quỳnh", "Sương", "Tiến", "Tiên", "Thơ", "Thương", "Thường", "Trâm", "Trúc", "Tú", "Tư",
            "Tuyền", "Xoan", "Bích", "Chi", "Cúc", "Đào", "Gấm", "Hải", "Hân", "Kiều", "Khánh", "Lâm", "Lam", "Lành",
            "Liễu", "Lợi", "Minh", "Na", "Nhiên", "Như", "Nụ", "Phúc", "Phục", "Sen", "Thái", "Thoa", "Thơm", "Thy",
            "Trà", "Trân", "Tươi", "Vui", "Xinh", "Hiếu", "Mến", "Diệu", "Ái", "Ân", "Bình", "Cầm", "Đoan", "Hợp",
            "Kim", "Lựu", "Mận", "Mẫn", "Ngát", "Thêu", "Tình", "Tịnh", "Tuyến", "Xuyến", "Hùng", "Hưng", "Tuấn",
            "Nam", "Năm", "Sơn", "Long", "Thắng", "Thăng", "Quang", "Hoàng", "Trung", "Đức", "Tùng", "Cường", "Phong",
            "Huy", "Việt", "Toàn", "Toán", "Tài", "Tín", "Thịnh", "Thuận", "Vinh", "Vĩnh", "Vịnh", "Vũ", "Lộc",
            "Luân", "Luận", "Lực", "Mạnh", "Nghĩa", "Phát", "Phước", "Quân", "Quý", "Sang", "Sáng", "Tân", "Tấn",
            "Thiện", "Thiên", "Thông", "Thức", "Trí", "Triều", "Trọng", "Trường", "Tuyên", "Vương", "Vượng", "Bảo",
            "Chiến", "Chính", "Chinh", "Công", "Cương", "Danh", "Dân", "Dương", "Đạt", "Điền", "Định", "Đông", "Hào",
            "Hảo", "Hiệp", "Hoan", "Học", "Kha", "Khải", "Khang", "Khoa", "Khôi", "Kiên", "Kiệt", "Nguyên", "Nhật",
            "Ninh", "Phú", "Phụng", "Quốc", "Quyết", "Sinh", "Thạch", "Thìn", "Thọ", "Thuần", "Toản", "Tới", "Trực",
            "Tường", "Viên", "Hội", "Hữu", "Khiêm", "Lai", "Lãm", "Lập", "Liêm", "Mùi", "Nhất", "Quảng", "Tạo",
            "Thuyết", "Toại", "Trị", "Tuệ", "Tỵ", "Uy", "Út", "Chung", "Đại", "Đạo", "Điệp", "Đoàn", "Đồng", "Duy",
            "Em", "Hoạt", "Huân", "Hướng", "Kỳ", "Lãnh", "Lễ", "Lượng", "Niên", "Quới", "Sỹ", "Sĩ", "Thân", "Thế",
            "Thiệu", "Thống", "Tiệp", "Tỷ", "Vấn", "Khuê", "Nhẫn", "Thoại", "Phấn", "Khương", "Lương", "Nhựt", "Phi",
            "Quyền", "Sa", "Tuân", "Tùy", "Vàng", "Vững", "Xương", "Ý", "Diên", "Doanh", "Dự", "Giáp", "Hy", "Kính",
            "Lịch", "Nhơn", "Thuyên", "Triết", "Trãi", "Tuất", "Tý", "Ước", "Du", "Bằng", "Cảnh", "Chương", "Gia",
            "Lân", "Nghi", "Tánh", "Tính", "Bắc");
    private static final Map<String, List<String>> FAMILY_BY_FOLDED = byFolded(FAMILY_NAMES);
    private static final Map<String, List<String>> GIVEN_BY_FOLDED = byFolded(GIVEN_NAMES);
    private static final Set<String> KNOWN_GIVEN = GIVEN_NAMES.stream().map(VietnameseText::canonical)
            .collect(Collectors.toSet());

    /** A name read from a line, and how sure the reading is. */
    record Name(String value, double confidence) {
    }

    private PersonNames() {
    }

    /** Whether this word, in any case, is a family name. */
    static boolean isFamilyName(String word) {
        return FAMILY_NAMES.stream().anyMatch(name -> name.equalsIgnoreCase(word));
    }

    /** The name on this line (marks read around it dropped), or empty when the line is no whole name. */
    static Optional<Name> read(String line, double confidence) {
        String text = EDGE_MARKS.matcher(line.strip()).replaceAll("").replaceAll(RUN_TOGETHER, "$1 $2")
                .replaceAll("\\s+", " ");
        text = inNameCase(joinedLetters(LEADING_CAPITALS.matcher(text).replaceAll("")));
        if (!WORDS.matcher(text).matches()) {
            return Optional.empty();
        }
        int space = text.indexOf(' ');
        String family = text.substring(0, space);
        if (FAMILY_NAMES.contains(family)) {
            return Optional.of(new Name(text, confidence));
        }
        // The lists run from the commonest name down: of two that read alike, the commoner.
        List<String> alike = FAMILY_BY_FOLDED.getOrDefault(folded(family), List.of());
        return alike.isEmpty() ? Optional.empty()
                : Optional.of(new Name(alike.get(0) + text.substring(space), confidence * (alike.size() == 1 ? 0.75 : 0.6)));
    }

    /**
     * The name with the commonest listed given name that reads as its last word does without
     * diacritics, when no list holds that word as it is; empty otherwise. Only for a word OCR doubted:
     * the list is not every given name there is ("An", "Du" are not all).
     */
    static Optional<String> withListedGivenName(String name) {
        int last = name.lastIndexOf(' ') + 1;
        String given = name.substring(last);
        List<String> alike = GIVEN_BY_FOLDED.getOrDefault(folded(given), List.of());
        if (last == 0 || KNOWN_GIVEN.contains(VietnameseText.canonical(given)) || alike.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(name.substring(0, last) + alike.get(0));
    }

    /**
     * The given names at the end of a line whose family name could not be read ("Thị Hồng Ánh" of
     * "PhawZThị Hồng Ánh", "Mỹ Hạnh" of "Đrâø Mỹ Hạnh"): at least two capitalised Vietnamese
     * syllables, or one after the end of a word the seal cut, which starts the line ("hu Phượng" of
     * Lý Thu Phượng: the register knows which names hold that end, see {@code IndexEntry.nameEndings}).
     * Empty when the line is a whole name or has no such ending.
     */
    static Optional<String> givenNames(String line) {
        if (read(line, 1).isPresent()) {
            return Optional.empty();
        }
        String[] words = EDGE_MARKS.matcher(line.strip()).replaceAll("").split("\\s+");
        Deque<String> names = new ArrayDeque<>();
        for (int i = words.length - 1; i >= 0; i--) {
            if (isNameWord(words[i])) {
                names.addFirst(words[i]);
                continue;
            }
            if (i == 0 && names.size() == 1 && CUT_WORD_END.matcher(words[i]).matches()) {
                names.addFirst(words[i]);
                return Optional.of(String.join(" ", names));
            }
            Matcher end = NAME_WORD_AT_END.matcher(words[i]);
            if (end.find() && isNameWord(end.group())) {
                names.addFirst(end.group());
            }
            break;
        }
        return names.size() >= 2 ? Optional.of(String.join(" ", names)) : Optional.empty();
    }

    /**
     * A capital OCR parted from the rest of its syllable ("N gọc" for Ngọc, or "THỊN gọc" for THỊ
     * Ngọc, the space a letter off): a lone consonant is no Vietnamese syllable and no name word
     * starts in lower case, so the capital goes to the lower-case word after it when that makes one.
     */
    private static String joinedLetters(String text) {
        String[] words = text.split(" ");
        for (int i = 0; i + 1 < words.length; i++) {
            String word = words[i];
            String next = words[i + 1];
            if (word.isEmpty() || !next.matches("\\p{Ll}+") || !Character.isUpperCase(word.charAt(word.length() - 1))) {
                continue;
            }
            String capital = word.substring(word.length() - 1);
            String rest = word.substring(0, word.length() - 1);
            boolean alone = rest.isEmpty() && !VietnameseSyllables.isValid(capital);
            boolean slipped = rest.length() >= 2 && VietnameseSyllables.isValid(rest);
            if ((alone || slipped) && VietnameseSyllables.isValid(capital + next)) {
                words[i] = rest;
                words[i + 1] = capital + next;
            }
        }
        return String.join(" ", words).strip().replaceAll("\\s+", " ");
    }

    /** A word of the name after its first read in capitals ("Nguyễn THỊ Ngọc Phượng"): written as the others. */
    private static String inNameCase(String text) {
        String[] words = text.split(" ");
        if (words.length < 2 || !NAME_WORD.matcher(words[0]).matches()) {
            return text;
        }
        for (int i = 1; i < words.length; i++) {
            if (words[i].length() >= 2 && words[i].matches("\\p{Lu}+")) {
                words[i] = words[i].charAt(0) + words[i].substring(1).toLowerCase(Locale.ROOT);
            }
        }
        return String.join(" ", words);
    }

    private static boolean isNameWord(String word) {
        return NAME_WORD.matcher(word).matches() && VietnameseSyllables.isValid(word);
    }

    private static Map<String, List<String>> byFolded(List<String> names) {
        Map<String, List<String>> byFolded = new HashMap<>();
        for (String name : names) {
            byFolded.computeIfAbsent(folded(name), k -> new ArrayList<>()).add(name);
        }
        return byFolded;
    }

    private static String folded(String word) {
        return VietnameseText.fold(word).toLowerCase(Locale.ROOT);
    }
}
