package vn.sohoa.pipeline.pdfa;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;
import vn.sohoa.core.document.Word;

/**
 * The OCR words as invisible text (rendering mode 3) over the page image, each word stretched over
 * its box, so that a reader selects, copies and finds the words where they are printed. The words
 * of a printed row share one baseline and one size, so that text extraction reads them as a line.
 */
final class TextLayer {

    private final PDType0Font font;
    /** Height of the font's box above and below the baseline, per point of font size. */
    private final float ascent;
    private final float descent;
    private final Map<Integer, Boolean> drawable = new HashMap<>();

    TextLayer(PDType0Font font) {
        this.font = font;
        this.ascent = font.getFontDescriptor().getAscent() / 1000f;
        this.descent = -font.getFontDescriptor().getDescent() / 1000f;
    }

    /**
     * @param pointsPerPixel the size of one image pixel on the page
     * @param pageHeight     the page's height in points (PDF measures up from the bottom, images down from the top)
     */
    void write(PDPageContentStream content, List<Word> words, float pointsPerPixel, float pageHeight)
            throws IOException {
        content.beginText();
        content.setRenderingMode(RenderingMode.NEITHER);
        for (List<Word> line : rows(words)) {
            int top = line.stream().mapToInt(Word::y).min().orElseThrow();
            int bottom = line.stream().mapToInt(w -> w.y() + w.height()).max().orElseThrow();
            float size = (bottom - top) * pointsPerPixel / (ascent + descent);
            if (size <= 0) {
                continue;
            }
            float baseline = pageHeight - baseline(line) * pointsPerPixel;
            content.setFont(font, size);
            for (int i = 0; i < line.size(); i++) {
                Word word = line.get(i);
                String text = drawableText(word.text());
                float natural = font.getStringWidth(text) / 1000f * size;
                if (natural <= 0 || word.width() <= 0) {
                    continue;
                }
                content.setHorizontalScaling(100f * word.width() * pointsPerPixel / natural);
                content.setTextMatrix(Matrix.getTranslateInstance(word.x() * pointsPerPixel, baseline));
                content.showText(i + 1 < line.size() ? text + " " : text);
            }
        }
        content.endText();
    }

    /**
     * The words cut into printed rows, in reading order. A line of the reading order is not always
     * one row: beside a tall block (a signer's title) it may hold two rows of the other column.
     */
    private static List<List<Word>> rows(List<Word> words) {
        List<List<Word>> rows = new ArrayList<>();
        List<Word> row = new ArrayList<>();
        int top = 0;
        int bottom = 0;
        for (Word word : words) {
            Word previous = row.isEmpty() ? null : row.get(row.size() - 1);
            boolean sameRow = previous != null && previous.line() == word.line() && word.x() >= previous.x()
                    && 2 * (Math.min(bottom, word.y() + word.height()) - Math.max(top, word.y()))
                            >= Math.min(bottom - top, word.height());
            if (!sameRow && !row.isEmpty()) {
                rows.add(row);
                row = new ArrayList<>();
            }
            if (row.isEmpty()) {
                top = word.y();
                bottom = word.y() + word.height();
            }
            row.add(word);
            top = Math.min(top, word.y());
            bottom = Math.max(bottom, word.y() + word.height());
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    /**
     * The line's baseline in image pixels: the median bottom of its words, since most words end on
     * the baseline and only some reach below it (g, p, y, the dot of nặng).
     */
    private static int baseline(List<Word> line) {
        int[] bottoms = line.stream().mapToInt(w -> w.y() + w.height()).sorted().toArray();
        return bottoms[bottoms.length / 2];
    }

    /** The word without the characters the font cannot draw (rare OCR symbols), which could not be written. */
    private String drawableText(String word) {
        StringBuilder text = new StringBuilder(word.length());
        word.codePoints().forEach(c -> {
            if (!Character.isWhitespace(c) && !Character.isISOControl(c)
                    && drawable.computeIfAbsent(c, this::hasGlyph)) {
                text.appendCodePoint(c);
            }
        });
        return text.toString();
    }

    private boolean hasGlyph(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
