package vn.sohoa.pipeline.extraction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.CharacterRun;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import vn.sohoa.core.text.EncodingsFound;
import vn.sohoa.core.text.LegacyEncoding;
import vn.sohoa.core.text.LegacyVietnamese;
import vn.sohoa.core.text.LegacyVietnamese.Run;

/**
 * The text of a Word 97-2003 document read run by run with each run's font, for documents with text
 * in legacy fonts. As Tika does, field instructions and deleted text are left out; table cells end
 * with a tab and rows with a line; in a TCVN3 run Word's optional hyphen is the letter "ư" (byte
 * 0xAD), where Tika would make it a zero-width space.
 */
final class LegacyDoc {

    private LegacyDoc() {
    }

    /** The document's text with its legacy-font runs in Unicode; null when it has none. */
    static String text(byte[] doc, EncodingsFound found) throws IOException {
        List<List<Run>> paragraphs = new ArrayList<>();
        try (HWPFDocument word = new HWPFDocument(new ByteArrayInputStream(doc))) {
            for (Range story : new Range[] {word.getHeaderStoryRange(), word.getRange(), word.getMainTextboxRange(),
                    word.getFootnoteRange(), word.getEndnoteRange()}) {
                if (story != null) {
                    read(story, paragraphs);
                }
            }
        }
        EncodingsFound here = new EncodingsFound();
        StringBuilder out = new StringBuilder();
        LegacyVietnamese.fromFonts(paragraphs, here).forEach(paragraph -> paragraph.forEach(out::append));
        if (here.isEmpty()) {
            return null;
        }
        found.addAll(here);
        return out.toString();
    }

    private static void read(Range story, List<List<Run>> paragraphs) {
        Deque<Boolean> inInstruction = new ArrayDeque<>();
        for (int p = 0; p < story.numParagraphs(); p++) {
            Paragraph paragraph = story.getParagraph(p);
            List<Run> runs = new ArrayList<>();
            if (paragraph.isTableRowEnd()) {
                runs.add(new Run("\n", null));
            } else {
                for (int r = 0; r < paragraph.numCharacterRuns(); r++) {
                    CharacterRun run = paragraph.getCharacterRun(r);
                    if (run.isMarkedDeleted()) {
                        continue;
                    }
                    boolean tcvn3 = LegacyEncoding.ofFont(run.getFontName()) == LegacyEncoding.TCVN3;
                    runs.add(new Run(visible(run.text(), inInstruction, tcvn3), run.getFontName()));
                }
            }
            paragraphs.add(runs);
        }
    }

    /** The characters of a run that show, Word's marks turned into tabs and line ends. */
    static String visible(String raw, Deque<Boolean> inInstruction, boolean tcvn3) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case 0x13 -> inInstruction.push(true);
                case 0x14 -> {
                    if (!inInstruction.isEmpty()) {
                        inInstruction.pop();
                        inInstruction.push(false);
                    }
                }
                case 0x15 -> inInstruction.poll();
                default -> {
                    if (!inInstruction.contains(true)) {
                        append(out, c, tcvn3);
                    }
                }
            }
        }
        return out.toString();
    }

    private static void append(StringBuilder out, char c, boolean tcvn3) {
        switch (c) {
            case '\r', 0x0B, 0x0C -> out.append('\n');
            case 0x07 -> out.append('\t');
            case 0x1E -> out.append('-');
            case 0x1F -> {
                if (tcvn3) {
                    out.append('\u00AD');
                }
            }
            default -> {
                if (c >= 0x20 || c == '\t') {
                    out.append(c);
                }
            }
        }
    }
}
