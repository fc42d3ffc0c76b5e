package vn.sohoa.api.search;

import java.util.ArrayList;
import java.util.List;
import vn.sohoa.core.text.VietnameseText;

/**
 * A query as an officer types it: free words, and {@code "quoted phrases"} that must appear as
 * written (diacritics aside). Text is taken to NFC first, so a query typed on any keyboard matches.
 */
public record ParsedQuery(String words, List<String> phrases) {

    public static ParsedQuery parse(String query) throws BadQueryException {
        String text = query == null ? "" : VietnameseText.nfc(query).replace('“', '"').replace('”', '"').strip();
        List<String> phrases = new ArrayList<>();
        StringBuilder words = new StringBuilder();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf('"', at);
            if (open < 0) {
                words.append(text, at, text.length());
                break;
            }
            int close = text.indexOf('"', open + 1);
            if (close < 0) {
                throw new BadQueryException("Câu tìm kiếm thiếu dấu ngoặc kép đóng: cụm từ cần tìm chính xác phải đặt "
                        + "giữa hai dấu \" \".");
            }
            words.append(text, at, open).append(' ');
            String phrase = text.substring(open + 1, close).strip();
            if (!phrase.isEmpty()) {
                phrases.add(phrase);
            }
            at = close + 1;
        }
        return new ParsedQuery(words.toString().replaceAll("\\s+", " ").strip(), List.copyOf(phrases));
    }

    public boolean isEmpty() {
        return words.isEmpty() && phrases.isEmpty();
    }

    /** Everything the officer typed, for highlighting. */
    public String allText() {
        return (words + " " + String.join(" ", phrases)).strip();
    }
}
