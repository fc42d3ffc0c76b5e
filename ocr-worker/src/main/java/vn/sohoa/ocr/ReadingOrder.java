package vn.sohoa.ocr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.sohoa.core.document.Word;

/**
 * Puts the lines Tesseract found into the order an archivist reads an administrative document: the
 * two-column header left block then right block, the body top to bottom with table rows left to
 * right, and the two-column footer ("Nơi nhận" then the signer) left block then right block.
 * Tesseract's own order mixes the two header columns line by line.
 */
final class ReadingOrder {

    /** A gap wider than this many line heights separates two columns or two table cells. */
    private static final double COLUMN_GAP = 1.5;
    /** How far, as a share of the text width, a column may reach over the middle. */
    private static final double MIDDLE_TOLERANCE = 0.03;
    /** How many rows from the top (or bottom) may still belong to the header (or footer). */
    private static final int EDGE_ROWS = 8;
    private static final int MIN_TABLE_ROWS = 3;
    /** How many rows before or after a wrapped cell's row another row of cells shows the table goes on. */
    private static final int NEAR_ROWS = 2;
    /** The widest gap, in line heights, between two lines of one table cell. */
    private static final double WRAP_GAP = 0.6;
    /** A word this many times flatter than the letters of its line is a rule or a speck. */
    private static final int FLAT = 4;
    /**
     * A line whose letters stand less than this share of the page's is no line of text: tone marks and
     * specks that a coarse black and white threshold parted from their letters, read as a line of their own.
     */
    private static final double SPECKS = 0.5;
    /** A segment this many times the usual line height is no line of text. */
    private static final double TALL = 2.5;

    private ReadingOrder() {
    }

    /** A run of words on one line with no wide gap between them. */
    record Segment(List<Word> words, int left, int top, int right, int bottom) {

        static Segment of(List<Word> words) {
            int left = words.stream().mapToInt(Word::x).min().orElse(0);
            int top = words.stream().mapToInt(Word::y).min().orElse(0);
            int right = words.stream().mapToInt(w -> w.x() + w.width()).max().orElse(0);
            int bottom = words.stream().mapToInt(w -> w.y() + w.height()).max().orElse(0);
            return new Segment(List.copyOf(words), left, top, right, bottom);
        }

        String text() {
            return String.join(" ", words.stream().map(Word::text).toList());
        }

        int height() {
            return bottom - top;
        }
    }

    /** The lines of the page in reading order; each line is one or more segments read left to right. */
    static List<List<Segment>> order(List<List<Word>> tesseractLines) {
        double letterHeight = letterHeight(tesseractLines.stream().flatMap(List::stream).toList());
        List<Segment> segments = new ArrayList<>();
        for (List<Word> line : tesseractLines) {
            if (letterHeight(line) >= SPECKS * letterHeight) {
                segments.addAll(split(line));
            }
        }
        if (segments.isEmpty()) {
            return List.of();
        }
        int textLeft = segments.stream().mapToInt(Segment::left).min().orElse(0);
        int textRight = segments.stream().mapToInt(Segment::right).max().orElse(0);
        double tolerance = (textRight - textLeft) * MIDDLE_TOLERANCE;
        double middle = (textLeft + textRight) / 2.0;

        List<List<Segment>> rows = rows(segments);
        double headerGutter = gutter(rows, middle);
        int headerEnd = 0;
        while (headerEnd < rows.size() && isTwoColumn(rows.get(headerEnd), headerGutter, tolerance)) {
            headerEnd++;
        }
        List<List<Segment>> bottomUp = new ArrayList<>(rows.subList(headerEnd, rows.size()));
        Collections.reverse(bottomUp);
        double footerGutter = gutter(bottomUp, middle);
        int footerStart = rows.size();
        while (footerStart > headerEnd && isTwoColumn(rows.get(footerStart - 1), footerGutter, tolerance)) {
            footerStart--;
        }
        if (isTable(rows.subList(footerStart, rows.size()))) {
            footerStart = rows.size();
        }
        List<List<Segment>> ordered = new ArrayList<>();
        addColumns(ordered, rows.subList(0, headerEnd), headerGutter);
        ordered.addAll(withWrappedCellsJoined(rows.subList(headerEnd, footerStart)));
        addColumns(ordered, rows.subList(footerStart, rows.size()), footerGutter);
        return ordered;
    }

    /**
     * Where the two columns of a header or footer meet: the middle of the gap in the first row, among
     * the rows nearest the edge, that has exactly two blocks; the middle of the text when none has.
     */
    private static double gutter(List<List<Segment>> rowsFromEdge, double middle) {
        for (List<Segment> row : rowsFromEdge.subList(0, Math.min(EDGE_ROWS, rowsFromEdge.size()))) {
            if (row.size() == 2) {
                return (row.get(0).right() + row.get(1).left()) / 2.0;
            }
        }
        return middle;
    }

    /**
     * Splits a Tesseract line where the gap between two words is wide enough to be a column gap. A
     * mark standing alone in such a gap (a speck of a seal, a fold, a rule read as a letter) is
     * dropped, so that it does not bridge the two columns.
     */
    static List<Segment> split(List<Word> line) {
        List<Segment> segments = new ArrayList<>();
        if (line.isEmpty()) {
            return segments;
        }
        List<Word> sorted = new ArrayList<>(line);
        sorted.sort(Comparator.comparingInt(Word::x));
        double letterHeight = letterHeight(sorted);
        double gap = COLUMN_GAP * letterHeight;
        List<Word> current = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Word word = sorted.get(i);
            boolean farFromPrevious = current.isEmpty() || distance(current.get(current.size() - 1), word) > gap;
            if (isMark(word, letterHeight) && farFromPrevious
                    && (i + 1 == sorted.size() || distance(word, sorted.get(i + 1)) > gap)) {
                continue;
            }
            if (!current.isEmpty() && farFromPrevious) {
                segments.add(Segment.of(current));
                current = new ArrayList<>();
            }
            current.add(word);
        }
        if (!current.isEmpty()) {
            segments.add(Segment.of(current));
        }
        return segments;
    }

    private static int distance(Word left, Word right) {
        return right.x() - (left.x() + left.width());
    }

    /** The median height of the words that have a letter or digit. */
    private static double letterHeight(List<Word> words) {
        return median(words.stream().filter(ReadingOrder::hasLetterOrDigit).mapToInt(Word::height).sorted().toArray());
    }

    /** No letter or digit, or far flatter than the line's letters: a rule or a speck, whatever it was read as. */
    private static boolean isMark(Word word, double letterHeight) {
        return !hasLetterOrDigit(word) || word.height() * FLAT < letterHeight;
    }

    private static boolean hasLetterOrDigit(Word word) {
        return word.text().codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /**
     * Groups segments that share most of their height, side by side, into rows, top to bottom, each
     * row left to right. A segment much taller than a line (signature strokes, a seal's remains) joins a row by
     * its middle but does not make the row taller, so it cannot pull the next line into it.
     */
    private static List<List<Segment>> rows(List<Segment> segments) {
        List<Segment> byCentre = new ArrayList<>(segments);
        byCentre.sort(Comparator.comparingDouble(s -> (s.top() + s.bottom()) / 2.0));
        double lineHeight = median(segments.stream().mapToInt(Segment::height).sorted().toArray());
        List<List<Segment>> rows = new ArrayList<>();
        List<Segment> row = new ArrayList<>();
        int rowTop = 0;
        int rowBottom = 0;
        for (Segment segment : byCentre) {
            boolean tall = segment.height() > TALL * lineHeight;
            int top = tall ? (int) ((segment.top() + segment.bottom() - lineHeight) / 2) : segment.top();
            int bottom = tall ? (int) (top + lineHeight) : segment.bottom();
            int overlap = Math.min(rowBottom, bottom) - Math.max(rowTop, top);
            int smaller = Math.min(rowBottom - rowTop, bottom - top);
            if (!row.isEmpty() && overlap * 2 >= smaller && row.stream().noneMatch(s -> stacked(s, segment))) {
                row.add(segment);
                rowTop = Math.min(rowTop, top);
                rowBottom = Math.max(rowBottom, bottom);
                continue;
            }
            if (!row.isEmpty()) {
                rows.add(row);
            }
            row = new ArrayList<>(List.of(segment));
            rowTop = top;
            rowBottom = bottom;
        }
        rows.add(row);
        rows.forEach(r -> r.sort(Comparator.comparingInt(Segment::left)));
        return rows;
    }

    /**
     * Whether two segments share columns: the segments of one row stand side by side, so these are
     * two lines, however close a slight slant brings them.
     */
    private static boolean stacked(Segment a, Segment b) {
        int shared = Math.min(a.right(), b.right()) - Math.max(a.left(), b.left());
        return shared * 2 > Math.min(a.right() - a.left(), b.right() - b.left());
    }

    /**
     * Table rows with the lines of their wrapped cells read in the cell, after its first line: a
     * row of cells followed closely by a row of at most half as many segments, each under one cell
     * of it ("CĐCS Trường Tiểu học Lê Quý | 233.000.000 | ..." then "Đôn"), where one of the two rows
     * before or after has cells too. A row that fills most cells is a row of its own; a paragraph's
     * line that a wide gap between two words parts is no table row.
     */
    private static List<List<Segment>> withWrappedCellsJoined(List<List<Segment>> rows) {
        double lineHeight = median(rows.stream().flatMap(List::stream).mapToInt(Segment::height).sorted().toArray());
        List<List<Segment>> joined = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<Segment> row = rows.get(i);
            Optional<List<Segment>> continued = joined.isEmpty() || !tableGoesOn(joined, rows, i) ? Optional.empty()
                    : cellsContinued(joined.get(joined.size() - 1), row, lineHeight);
            if (continued.isPresent()) {
                joined.set(joined.size() - 1, continued.get());
            } else {
                joined.add(row);
            }
        }
        return joined;
    }

    /** Whether a row of cells lies near the row above row {@code i} (the last joined), above it or below row {@code i}. */
    private static boolean tableGoesOn(List<List<Segment>> joined, List<List<Segment>> rows, int i) {
        List<List<Segment>> upwards = new ArrayList<>(joined.subList(0, joined.size() - 1));
        Collections.reverse(upwards);
        return nearRowHasCells(upwards) || nearRowHasCells(rows.subList(i + 1, rows.size()));
    }

    /** Whether one of the first rows of text (rows of a few letters, a rule's remains, do not count) has two cells or more. */
    private static boolean nearRowHasCells(List<List<Segment>> rowsOutwards) {
        return rowsOutwards.stream()
                .filter(row -> row.stream().mapToLong(s -> s.text().codePoints().filter(Character::isLetterOrDigit).count()).sum() >= 3)
                .limit(NEAR_ROWS).anyMatch(row -> row.size() >= 2);
    }

    /** The row above with the row's segments added to the cells they lie under; empty when the row is no such continuation. */
    private static Optional<List<Segment>> cellsContinued(List<Segment> above, List<Segment> row, double lineHeight) {
        int aboveBottom = above.stream().mapToInt(Segment::bottom).max().orElse(0);
        int rowTop = row.stream().mapToInt(Segment::top).min().orElse(0);
        if (above.size() < 2 || row.size() * 2 > above.size() || rowTop - aboveBottom > WRAP_GAP * lineHeight) {
            return Optional.empty();
        }
        List<List<Word>> cells = new ArrayList<>();
        above.forEach(cell -> cells.add(new ArrayList<>(cell.words())));
        for (Segment segment : row) {
            int cell = cellAbove(above, segment, lineHeight);
            if (cell < 0) {
                return Optional.empty();
            }
            cells.get(cell).addAll(segment.words());
        }
        return Optional.of(cells.stream().map(Segment::of).toList());
    }

    /** The cell of the row whose column holds the segment (from its start to the next cell's), or -1. */
    private static int cellAbove(List<Segment> row, Segment segment, double lineHeight) {
        for (int i = 0; i < row.size(); i++) {
            int columnEnd = i + 1 < row.size() ? row.get(i + 1).left() : Integer.MAX_VALUE;
            if (segment.left() >= row.get(i).left() - lineHeight && segment.right() <= columnEnd) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Rows at the foot of a page that nearly all pair a left and a right block are the rows of a
     * table, read row by row; a signature footer leaves the right column empty beside most lines of
     * "Nơi nhận" and across the space of the signature.
     */
    private static boolean isTable(List<List<Segment>> region) {
        long paired = region.stream().filter(row -> row.size() == 2).count();
        return region.size() >= MIN_TABLE_ROWS && paired >= region.size() * 0.75;
    }

    /** A row of the header or footer: one or two blocks, none of them across the middle of the text. */
    private static boolean isTwoColumn(List<Segment> row, double gutter, double tolerance) {
        if (row.size() > 2) {
            return false;
        }
        return row.stream().allMatch(s -> s.right() <= gutter + tolerance || s.left() >= gutter - tolerance);
    }

    /** The left blocks of a two-column region top to bottom, then its right blocks. */
    private static void addColumns(List<List<Segment>> ordered, List<List<Segment>> region, double gutter) {
        for (boolean left : new boolean[] {true, false}) {
            for (List<Segment> row : region) {
                for (Segment segment : row) {
                    if ((segment.left() + segment.right()) / 2.0 < gutter == left) {
                        ordered.add(List.of(segment));
                    }
                }
            }
        }
    }

    private static double median(int[] sorted) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }
}
