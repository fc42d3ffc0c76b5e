package vn.sohoa.pipeline.metadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.sohoa.core.text.TextMetrics;
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
    /** The titles signers sign with, each head's before its deputy's. */
    private static final List<String> TITLES = List.of("CHỦ TỊCH", "PHÓ CHỦ TỊCH", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN",
            "TRƯỞNG ĐOÀN KIỂM TRA", "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
            "TỔNG BIÊN TẬP", "PHÓ TỔNG BIÊN TẬP", "THƯ KÝ", "CHỦ TRÌ");
    /** The collective bodies a signer signs on behalf of (thay mặt, "TM."). */
    private static final List<String> COLLECTIVE = List.of("BAN THƯỜNG VỤ", "BAN CHẤP HÀNH", "ĐOÀN CHỦ TỊCH");
    private static final String ON_BEHALF = "TM";
    /** Signing for the head (ký thay): the signer is a deputy. */
    private static final String FOR_THE_HEAD = "KT";
    private static final String DEPUTY = "PHÓ ";

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

    /**
     * The whole title of which OCR read the end only, the rest lost under the seal or the signature
     * ("TỊCH", "Ủ TỊCH", "À TỊCH", "TỊCH CN" for CHỦ TỊCH): the titles of the list ending so, a letter
     * of the first word read allowed to differ and words after the title's that no title has dropped;
     * of a head's and a deputy's title ending alike, the deputy's when the authority signs for the
     * head ("KT. CHỦ TỊCH" above "PHÓ CHỦ TỊCH"), otherwise the head's. A title whose words OCR ran
     * together ("CHỦTỊCH") is the title. Empty when the title is one of the list as read, or the end of none.
     */
    static Optional<String> completed(String title, String authority) {
        String tidied = tidy(title);
        if (TITLES.contains(tidied)) {
            return Optional.empty();
        }
        Optional<String> runTogether = TITLES.stream().filter(known -> known.replace(" ", "").equals(tidied.replace(" ", "")))
                .findFirst();
        if (runTogether.isPresent()) {
            return runTogether;
        }
        List<String> read = new ArrayList<>(List.of(tidied.split(" ")));
        while (!read.isEmpty() && !WORDS.contains(read.get(read.size() - 1))) {
            read.remove(read.size() - 1);
        }
        if (read.isEmpty()) {
            return Optional.empty();
        }
        List<String> endingSo = TITLES.stream().filter(known -> endsWith(known, read)).toList();
        if (endingSo.isEmpty()) {
            return Optional.empty();
        }
        String[] signing = authority == null ? new String[0] : authority.split("\\.\\s*", 2);
        if (signing.length == 2 && signing[0].equals(FOR_THE_HEAD) && endingSo.contains(DEPUTY + signing[1])) {
            return Optional.of(DEPUTY + signing[1]);
        }
        return Optional.of(endingSo.get(0));
    }

    /**
     * The authority of a block whose authority line OCR read without its "TM." or "KT." (NĐ 30), from
     * the lines read between the recipients and the name: a first line naming a collective body is
     * the authority signed on behalf of ("BAN THƯỜNG VỤ" above the title: TM. BAN THƯỜNG VỤ); a head's
     * title above the rest of its deputy's is the head signed for ("CHỦ TỊCH" above "TỊCH": KT. CHỦ
     * TỊCH). Empty otherwise. The title is the lines after the first.
     */
    static Optional<String> lostAuthority(List<String> lines) {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String first = tidy(lines.get(0));
        if (COLLECTIVE.contains(first)) {
            return Optional.of(ON_BEHALF + ". " + first);
        }
        String rest = tidy(String.join(" ", lines.subList(1, lines.size())));
        String deputy = DEPUTY + first;
        String forTheHead = FOR_THE_HEAD + ". " + first;
        boolean deputysTitle = rest.equals(deputy) || completed(rest, forTheHead).filter(deputy::equals).isPresent();
        return TITLES.contains(first) && TITLES.contains(deputy) && deputysTitle ? Optional.of(forTheHead)
                : Optional.empty();
    }

    /** Whether the title ends with these words, the first of them perhaps the end of a word, a letter off. */
    private static boolean endsWith(String title, List<String> read) {
        String[] words = title.split(" ");
        int from = words.length - read.size();
        if (from < 0 || !read.subList(1, read.size()).equals(List.of(words).subList(from + 1, words.length))) {
            return false;
        }
        String first = folded(read.get(0));
        String word = folded(words[from]);
        return first.length() <= word.length()
                && TextMetrics.distance(word.substring(word.length() - first.length()), first) <= 1;
    }

    private static String folded(String word) {
        return VietnameseText.fold(word).toUpperCase(Locale.ROOT);
    }
}
