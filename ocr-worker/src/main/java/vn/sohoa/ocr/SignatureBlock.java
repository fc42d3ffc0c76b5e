package vn.sohoa.ocr;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.sohoa.core.document.Word;
import vn.sohoa.core.text.VietnameseSyllables;
import vn.sohoa.core.text.VietnameseText;

/**
 * The signer's block of an administrative record: right of the "Nơi nhận" list, the signing
 * authority, the signer's title, the signature with the seal over it, and the signer's name.
 * Tesseract's page layout analysis often takes the whole block, seal and signature strokes included,
 * for a picture and reads none of it; read on its own as one block of text (see
 * {@link TesseractEngine}), it gives the title and the name back.
 */
final class SignatureBlock {

    /** The block starts this many line heights above the line it is found by (the authority line may sit a little higher). */
    private static final double LINES_ABOVE = 1.0;
    /** ... and reaches this share of the page height below it: title, signature and seal, name. */
    private static final double PAGE_SHARE_BELOW = 0.25;
    /** Where the right column may start at the earliest, as a share of the page width. */
    private static final double RIGHT_COLUMN_FROM = 0.4;
    /** Lines of at least this many words are text, not specks, when finding where text ends on the right. */
    private static final int MIN_WORDS_OF_TEXT_LINE = 4;
    /** A gap between words wider than this many word heights separates the two columns. */
    private static final double COLUMN_GAP = 2;
    /** A word read with less confidence than this inside the block is taken for seal or signature strokes. */
    private static final float MIN_CONFIDENCE = 60;
    /** A person's name: two to six words. */
    private static final int MIN_NAME_WORDS = 2;
    private static final int MAX_NAME_WORDS = 6;

    private SignatureBlock() {
    }

    /**
     * Where the signer's block is on a page read as {@code lines}: right of the "Nơi nhận" list, or,
     * in minutes (biên bản) signed by two, the right one of two signers' titles side by side.
     */
    static Optional<Rectangle> region(List<List<Word>> lines, int width, int height) {
        return recipientsLabel(lines, width).or(() -> rightOfTwoTitles(lines, width, height))
                .map(anchor -> blockFrom(anchor, lines, width, height))
                .filter(block -> !block.isEmpty());
    }

    private static Rectangle blockFrom(Word anchor, List<List<Word>> lines, int width, int height) {
        int top = Math.max(0, anchor.y() - (int) (LINES_ABOVE * anchor.height()));
        int left = Math.max((int) (RIGHT_COLUMN_FROM * width), leftColumnRight(lines, top, width) + anchor.height());
        int bottom = Math.min(height, anchor.y() + (int) (PAGE_SHARE_BELOW * height));
        int textRight = textRight(lines);
        // A last page holding little more than the signature has no full line to tell where text ends.
        int right = textRight < width / 2 ? width : Math.min(width, textRight + anchor.height());
        return new Rectangle(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
    }

    /** The word "Nơi" of "Nơi nhận:" in the left half, as tall as the taller of the two words. */
    private static Optional<Word> recipientsLabel(List<List<Word>> lines, int width) {
        for (List<Word> line : lines) {
            // The label starts a line (or the left column of a line), after any speck read before it:
            // "nơi nhận" inside a sentence is no label.
            int start = 0;
            while (start < line.size() && line.get(start).text().codePoints().noneMatch(Character::isLetter)) {
                start++;
            }
            if (line.size() >= start + 2 && line.get(start).x() < width / 2
                    && isRecipientsLabel(line.get(start).text(), line.get(start + 1).text())) {
                Word first = line.get(start);
                return Optional.of(new Word(first.text(), first.x(), first.y(), first.width(),
                        Math.max(first.height(), line.get(start + 1).height()), first.confidence(), first.line()));
            }
        }
        return Optional.empty();
    }

    /**
     * The first word of a title in capitals in the lower right, level with another in the lower
     * left and with nothing else on that row (a table's header row has more cells).
     */
    private static Optional<Word> rightOfTwoTitles(List<List<Word>> lines, int width, int height) {
        List<List<Word>> runs = lines.stream().flatMap(line -> runs(line).stream())
                .filter(run -> run.get(0).y() > height / 2).toList();
        for (List<Word> right : runs) {
            Word first = right.get(0);
            List<List<Word>> row = runs.stream()
                    .filter(run -> Math.abs(middle(run) - middle(right)) < lineHeight(right)).toList();
            boolean twoTitles = row.size() == 2 && row.stream().allMatch(SignatureBlock::isTitle);
            boolean leftBeside = row.stream().anyMatch(left -> left.get(left.size() - 1).x() < width / 2);
            if (twoTitles && leftBeside && first.x() > width / 2) {
                return Optional.of(first);
            }
        }
        return Optional.empty();
    }

    /** The height of a run's middle, by its words' median: one tall word (a diacritic, a stroke) does not move it. */
    private static int middle(List<Word> run) {
        return median(run.stream().mapToInt(w -> w.y() + w.height() / 2).toArray());
    }

    private static int lineHeight(List<Word> run) {
        return median(run.stream().mapToInt(Word::height).toArray());
    }

    private static int median(int[] values) {
        Arrays.sort(values);
        return values[values.length / 2];
    }

    /** The line cut where a gap between words is wide enough to part two columns. */
    private static List<List<Word>> runs(List<Word> line) {
        List<List<Word>> runs = new ArrayList<>();
        List<Word> run = new ArrayList<>();
        for (Word word : line) {
            if (!run.isEmpty()) {
                Word last = run.get(run.size() - 1);
                if (word.x() - (last.x() + last.width()) > COLUMN_GAP * word.height()) {
                    runs.add(run);
                    run = new ArrayList<>();
                }
            }
            run.add(word);
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    /** Two or more words in capitals. */
    private static boolean isTitle(List<Word> words) {
        String letters = words.stream().map(Word::text).reduce("", String::concat).replaceAll("[^\\p{L}]", "");
        return words.size() >= 2 && letters.length() >= 4 && letters.equals(letters.toUpperCase(Locale.ROOT));
    }

    /** Where the lines of text end on the right, so that the scanner's dark edge beyond them is not read. */
    private static int textRight(List<List<Word>> lines) {
        return lines.stream().filter(line -> line.size() >= MIN_WORDS_OF_TEXT_LINE)
                .mapToInt(line -> line.get(line.size() - 1).x() + line.get(line.size() - 1).width()).max().orElse(0);
    }

    private static boolean isRecipientsLabel(String first, String second) {
        String one = VietnameseText.fold(first).toLowerCase(Locale.ROOT);
        String two = VietnameseText.fold(second).toLowerCase(Locale.ROOT);
        return one.equals("noi") && two.startsWith("nhan");
    }

    /**
     * The right edge of the "Nơi nhận" column: of the lines starting in the left third below
     * {@code top}, how far their words reach before a gap wider than a column gap.
     */
    private static int leftColumnRight(List<List<Word>> lines, int top, int width) {
        int right = 0;
        for (List<Word> line : lines) {
            if (!line.isEmpty() && line.get(0).y() >= top && line.get(0).x() <= width / 3) {
                List<Word> column = runs(line).get(0);
                right = Math.max(right, column.get(column.size() - 1).x() + column.get(column.size() - 1).width());
            }
        }
        return right;
    }

    /**
     * The page's lines outside the signer's block, and the block's lines, to be read after the
     * "Nơi nhận" list beside them.
     */
    record Layout(List<List<Word>> page, List<List<Word>> block) {

        static Layout whole(List<List<Word>> page) {
            return new Layout(page, List.of());
        }

        /** Whether a line of the block reads as a person's name (given names only included). */
        boolean hasName() {
            return block.stream().anyMatch(SignatureBlock::isName);
        }

        /**
         * The block with the lowest name of another reading of it added as a line in its place, when
         * the block has no name line of its own; as it is otherwise.
         */
        Layout withNameFrom(List<List<Word>> otherReading) {
            if (hasName()) {
                return this;
            }
            Optional<List<Word>> name = otherReading.stream().map(SignatureBlock::nameIn).filter(words -> !words.isEmpty())
                    .max(Comparator.comparingInt(words -> words.get(0).y()));
            if (name.isEmpty()) {
                return this;
            }
            List<List<Word>> lines = new ArrayList<>(block);
            lines.add(name.get());
            lines.sort(Comparator.comparingInt(line -> line.stream().mapToInt(Word::y).min().orElse(0)));
            return new Layout(page, lines);
        }

        /** Where the block's lines go among the page's lines in reading order: after the last one starting above the block's bottom. */
        int blockAfter(List<List<ReadingOrder.Segment>> ordered) {
            int bottom = block.stream().flatMap(List::stream).mapToInt(w -> w.y() + w.height()).max().orElse(0);
            int at = 0;
            for (int i = 0; i < ordered.size(); i++) {
                if (ordered.get(i).stream().mapToInt(ReadingOrder.Segment::top).min().orElse(0) < bottom) {
                    at = i + 1;
                }
            }
            return at;
        }
    }

    /**
     * The block's lines taken row by row from whichever reading, the page's or the block's own,
     * read more letters with confidence on that row (the block's own on a tie: its image is the
     * cleaner). What seal and signature strokes read as is left out of both: doubtful words that are
     * no Vietnamese syllable, and lines with less than half their letters in confident words.
     */
    static Layout withBlock(List<List<Word>> page, Rectangle region, List<List<Word>> blockRead) {
        List<List<Word>> outside = new ArrayList<>();
        List<List<Word>> inside = new ArrayList<>();
        for (List<Word> line : page) {
            List<Word> out = new ArrayList<>();
            List<Word> in = new ArrayList<>();
            for (Word word : line) {
                (region.contains(word.x() + word.width() / 2, word.y() + word.height() / 2) ? in : out).add(word);
            }
            if (!out.isEmpty()) {
                outside.add(out);
            }
            inside.add(in);
        }
        List<Row> rows = new ArrayList<>();
        for (List<Word> line : written(inside)) {
            Row.of(rows, line).page.add(line);
        }
        for (List<Word> line : written(blockRead)) {
            Row.of(rows, line).block.add(line);
        }
        List<List<Word>> block = new ArrayList<>();
        rows.stream().sorted(Comparator.comparingInt(Row::top)).forEach(row -> block.addAll(row.better()));
        return new Layout(outside, block);
    }

    /** Lines of the two readings that lie at the same height of the block. */
    private record Row(List<List<Word>> page, List<List<Word>> block, int[] extent) {

        static Row of(List<Row> rows, List<Word> line) {
            int top = line.stream().mapToInt(Word::y).min().orElse(0);
            int bottom = line.stream().mapToInt(w -> w.y() + w.height()).max().orElse(0);
            for (Row row : rows) {
                int overlap = Math.min(bottom, row.extent[1]) - Math.max(top, row.extent[0]);
                if (overlap > Math.min(bottom - top, row.extent[1] - row.extent[0]) / 2) {
                    row.extent[0] = Math.min(top, row.extent[0]);
                    row.extent[1] = Math.max(bottom, row.extent[1]);
                    return row;
                }
            }
            Row row = new Row(new ArrayList<>(), new ArrayList<>(), new int[] {top, bottom});
            rows.add(row);
            return row;
        }

        int top() {
            return extent[0];
        }

        List<List<Word>> better() {
            int fromPage = page.stream().mapToInt(SignatureBlock::confidentLetters).sum();
            int fromBlock = block.stream().mapToInt(SignatureBlock::confidentLetters).sum();
            return fromBlock >= fromPage ? block : page;
        }
    }

    /**
     * The name on a line: the longest run of two to six words, each a Vietnamese syllable of two
     * letters or more written as a name is (a capital, then lower case), whatever was read around it
     * ("SỐ Phạm Thị Hồng Ánh", a stroke read as capitals); given names alone ("Xuân Phong") count too.
     */
    private static List<Word> nameIn(List<Word> line) {
        List<Word> words = lettered(line);
        List<Word> longest = List.of();
        int from = 0;
        for (int to = 0; to <= words.size(); to++) {
            if (to == words.size() || !isNameWord(words.get(to).text())) {
                if (to - from > longest.size()) {
                    longest = words.subList(from, Math.min(to, from + MAX_NAME_WORDS));
                }
                from = to + 1;
            }
        }
        return longest.size() >= MIN_NAME_WORDS ? longest : List.of();
    }

    private static boolean isName(List<Word> line) {
        return !nameIn(line).isEmpty();
    }

    private static boolean isNameWord(String text) {
        String word = withoutEdgeMarks(text);
        return word.length() >= 2 && word.matches("\\p{Lu}\\p{Ll}+") && VietnameseSyllables.isValid(word);
    }

    /** The line's words that have a letter: a speck beside a name is no part of it. */
    private static List<Word> lettered(List<Word> line) {
        return line.stream().filter(w -> w.text().codePoints().anyMatch(Character::isLetter)).toList();
    }

    private static String withoutEdgeMarks(String word) {
        return word.replaceAll("^[\\p{P}\\p{S}]+|[\\p{P}\\p{S}]+$", "");
    }

    /** The lines without what strokes read as. */
    private static List<List<Word>> written(List<List<Word>> lines) {
        List<List<Word>> written = new ArrayList<>();
        for (List<Word> line : lines) {
            List<Word> words = line.stream().filter(SignatureBlock::looksWritten).toList();
            if (!words.isEmpty() && 2 * confidentLetters(words) > letters(words)) {
                written.add(words);
            }
        }
        return written;
    }

    /** Read with confidence, or a Vietnamese word that a stroke over it made doubtful (a name under the seal). */
    private static boolean looksWritten(Word word) {
        return word.confidence() >= MIN_CONFIDENCE
                || VietnameseSyllables.isValid(withoutEdgeMarks(word.text()));
    }

    private static int confidentLetters(List<Word> words) {
        return letters(words.stream().filter(w -> w.confidence() >= MIN_CONFIDENCE).toList());
    }

    private static int letters(List<Word> words) {
        return words.stream().mapToInt(w -> (int) w.text().codePoints().filter(Character::isLetter).count()).sum();
    }
}
