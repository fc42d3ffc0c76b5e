package vn.sohoa.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Table rules and underlines that a black and white scan broke into dashes, joined again. Tesseract
 * takes a whole rule away before it reads a page, but reads the dashes of a broken one as text: "T"
 * where a dash meets a cell's side, "—", "[E". Only thin dashes in line with each other over an
 * inch or more are joined; letters are left as they are.
 */
final class BrokenRules {

    /** Shortest dash, widest gap, thickest rule and shortest rule, in inches. */
    private static final double DASH = 1 / 15.0;
    private static final double GAP = 1 / 6.0;
    private static final double THICK = 1 / 40.0;
    private static final double RULE = 1.0;
    /** Share of a rule's length its dashes cover at least. */
    private static final double COVERED = 0.5;
    private static final int DARK_BELOW = 128;

    private BrokenRules() {
    }

    /** A copy of a black and white page (in grey) with its broken rules joined, across and down. */
    static BufferedImage joined(BufferedImage grey, int dpi) {
        BufferedImage copy = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] source = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        byte[] target = ((DataBufferByte) copy.getRaster().getDataBuffer()).getData();
        System.arraycopy(source, 0, target, 0, source.length);
        new Direction(source, target, grey.getWidth(), grey.getHeight(), true).join(dpi);
        new Direction(source, target, grey.getWidth(), grey.getHeight(), false).join(dpi);
        return copy;
    }

    /** A dash along line {@code u} of the page, from {@code start} to {@code end} inclusive. */
    private record Dash(int u, int start, int end) {

        int length() {
            return end - start + 1;
        }
    }

    /** The page seen along its rows (across) or its columns (down). */
    private record Direction(byte[] source, byte[] target, int width, int height, boolean across) {

        int lines() {
            return across ? height : width;
        }

        int along() {
            return across ? width : height;
        }

        int index(int u, int v) {
            return across ? u * width + v : v * width + u;
        }

        boolean dark(int u, int v) {
            return (source[index(u, v)] & 0xff) < DARK_BELOW;
        }

        void join(int dpi) {
            List<List<Dash>> dashes = dashes((int) Math.ceil(DASH * dpi), (int) Math.ceil(THICK * dpi));
            int gap = (int) Math.round(GAP * dpi);
            Set<Dash> used = new HashSet<>();
            List<Dash> byStart = dashes.stream().flatMap(List::stream).sorted(Comparator.comparingInt(Dash::start)).toList();
            for (Dash first : byStart) {
                if (!used.add(first)) {
                    continue;
                }
                List<Dash> rule = rule(first, dashes, used, gap);
                int span = rule.get(rule.size() - 1).end() - first.start() + 1;
                int covered = rule.stream().mapToInt(Dash::length).sum();
                if (rule.size() > 1 && span >= RULE * dpi && covered >= COVERED * span) {
                    fillGaps(rule);
                }
            }
        }

        /** Thin dark runs at least {@code shortest} long, per line. */
        private List<List<Dash>> dashes(int shortest, int thickest) {
            List<List<Dash>> dashes = new ArrayList<>();
            for (int u = 0; u < lines(); u++) {
                List<Dash> found = new ArrayList<>();
                int v = 0;
                while (v < along()) {
                    if (!dark(u, v)) {
                        v++;
                        continue;
                    }
                    int start = v;
                    while (v < along() && dark(u, v)) {
                        v++;
                    }
                    if (v - start >= shortest && thin(u, start, v - 1, thickest)) {
                        found.add(new Dash(u, start, v - 1));
                    }
                }
                dashes.add(found);
            }
            return dashes;
        }

        /** Whether the run is thin at its middle and a quarter from either end, as a rule is and a letter's stroke is not. */
        private boolean thin(int u, int start, int end, int thickest) {
            int quarter = (end - start) / 4;
            return thickness(u, start + quarter) <= thickest && thickness(u, (start + end) / 2) <= thickest
                    && thickness(u, end - quarter) <= thickest;
        }

        /** How many dark pixels run through (u, v) across the line. */
        private int thickness(int u, int v) {
            int from = u;
            while (from > 0 && dark(from - 1, v)) {
                from--;
            }
            int to = u;
            while (to + 1 < lines() && dark(to + 1, v)) {
                to++;
            }
            return to - from + 1;
        }

        /** The dashes that follow {@code first} in line, each within {@code gap} of the last and at most a pixel aside. */
        private static List<Dash> rule(Dash first, List<List<Dash>> dashes, Set<Dash> used, int gap) {
            List<Dash> rule = new ArrayList<>(List.of(first));
            Dash last = first;
            while (true) {
                Dash next = null;
                for (int u = Math.max(0, last.u() - 1); u <= Math.min(dashes.size() - 1, last.u() + 1); u++) {
                    for (Dash candidate : dashes.get(u)) {
                        if (candidate.start() > last.start() && candidate.end() > last.end()
                                && candidate.start() <= last.end() + gap + 1 && !used.contains(candidate)
                                && (next == null || candidate.start() < next.start())) {
                            next = candidate;
                        }
                    }
                }
                if (next == null) {
                    return rule;
                }
                used.add(next);
                rule.add(next);
                last = next;
            }
        }

        /** Blackens the gaps between a rule's dashes, each on the line of the nearer dash. */
        private void fillGaps(List<Dash> rule) {
            for (int k = 1; k < rule.size(); k++) {
                Dash before = rule.get(k - 1);
                Dash after = rule.get(k);
                for (int v = before.end() + 1; v < after.start(); v++) {
                    int u = v - before.end() <= after.start() - v ? before.u() : after.u();
                    target[index(u, v)] = 0;
                }
            }
        }
    }
}
