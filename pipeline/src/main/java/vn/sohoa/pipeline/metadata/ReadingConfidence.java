package vn.sohoa.pipeline.metadata;

import java.util.ArrayList;
import java.util.List;
import vn.sohoa.core.document.Page;
import vn.sohoa.core.document.Word;

/**
 * How sure OCR was of the words of a phrase read off a page: the least of Tesseract's confidences
 * (0-100) of its words, where the page's words hold the phrase word for word. A misread word ("Trỉnh"
 * for Trinh, "Tầm" for Tâm) is one Tesseract doubted; text from the file itself is as typed.
 */
final class ReadingConfidence {

    /** At least this for every word, a phrase was read as printed. */
    static final double SURE_WORDS = 90;

    private ReadingConfidence() {
    }

    /** The least confidence of the phrase's words on this page; 100 for a text layer; -1 when OCR's words do not hold it. */
    static double of(Page page, String phrase) {
        if (Page.TEXT_LAYER.equals(page.method())) {
            return 100;
        }
        double[] each = ofEach(page, phrase);
        double least = each == null ? -1 : 100;
        for (double confidence : each == null ? new double[0] : each) {
            least = Math.min(least, confidence);
        }
        return least;
    }

    /**
     * The confidence of each word of the phrase (its words with letters or digits, in order) where the
     * page's OCRed words hold it last; null when they do not, or the page is a text layer.
     */
    static double[] ofEach(Page page, String phrase) {
        List<String> wanted = new ArrayList<>();
        for (String token : phrase.strip().split("\\s+")) {
            String core = core(token);
            if (!core.isEmpty()) {
                wanted.add(core);
            }
        }
        List<Word> words = page.words();
        double[] found = null;
        for (int start = 0; start + wanted.size() <= words.size() && !wanted.isEmpty(); start++) {
            double[] each = new double[wanted.size()];
            int w = start;
            int matched = 0;
            while (matched < wanted.size() && w < words.size()) {
                String core = core(words.get(w).text());
                if (core.isEmpty()) {
                    w++;
                    continue;
                }
                if (!core.equals(wanted.get(matched))) {
                    break;
                }
                each[matched] = words.get(w).confidence();
                matched++;
                w++;
            }
            if (matched == wanted.size()) {
                found = each;
            }
        }
        return found;
    }

    static boolean sure(Page page, String phrase) {
        return of(page, phrase) >= SURE_WORDS;
    }

    private static String core(String token) {
        return token.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
    }
}
