package vn.sohoa.pipeline.metadata;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import vn.sohoa.core.text.VietnameseText;

/**
 * The words of signing authorities and titles ("TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH") come from a
 * short list, so a word of a signature block that OCR misread only in its diacritics ("BẠN",
 * "THƯƠNG", "TICH") is set right when exactly one word of the list reads the same without them.
 */
final class SigningTitles {

    private static final List<String> WORDS = List.of("BAN", "THƯỜNG", "VỤ", "CHẤP", "HÀNH", "ĐOÀN", "CHỦ", "TỊCH",
            "PHÓ", "TRƯỞNG", "ỦY", "KIỂM", "TRA", "ĐẠI", "DIỆN", "ĐƠN", "VỊ", "CHÁNH", "VĂN", "PHÒNG", "GIÁM", "ĐỐC",
            "THƯ", "KÝ", "HIỆU", "TỔNG", "BIÊN", "TẬP", "TRỰC", "CÔNG", "CƠ", "SỞ", "NGÀNH", "LIÊN", "LAO", "ĐỘNG");
    private static final Map<String, String> BY_FOLDED = new HashMap<>();

    static {
        Map<String, List<String>> grouped = WORDS.stream().collect(Collectors.groupingBy(SigningTitles::folded));
        grouped.forEach((folded, words) -> {
            if (words.size() == 1) {
                BY_FOLDED.put(folded, words.get(0));
            }
        });
    }

    private SigningTitles() {
    }

    /** The title with marks read before it dropped and its words' diacritics set right where the list allows. */
    static String tidy(String title) {
        String[] words = title.replaceFirst("^[^\\p{L}]+", "").strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (!WORDS.contains(words[i])) {
                words[i] = BY_FOLDED.getOrDefault(folded(words[i]), words[i]);
            }
        }
        return String.join(" ", words);
    }

    private static String folded(String word) {
        return VietnameseText.fold(word).toUpperCase(Locale.ROOT);
    }
}
