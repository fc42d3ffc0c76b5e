package vn.sohoa.pipeline.extraction;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.sohoa.core.text.Cp1252View;
import vn.sohoa.core.text.EncodingsFound;
import vn.sohoa.core.text.LegacyEncoding;
import vn.sohoa.core.text.LegacyVietnamese;
import vn.sohoa.core.text.LegacyVietnamese.Run;

/**
 * An RTF whose text in legacy fonts (from its font table: .VnTime, VNI-Times...) is rewritten as
 * Unicode escapes, so that Tika then reads it like any other. Only the text is touched: every
 * control word, group and destination is copied as it is. The optional hyphen {@code \-} in a
 * TCVN3 run is the letter "ư" (byte 0xAD).
 */
final class LegacyRtf {

    /** Destinations whose text is not document text. */
    private static final Set<String> SKIPPED = Set.of("colortbl", "stylesheet", "info", "pict", "object", "fldinst",
            "themedata", "colorschememapping", "datastore", "latentstyles", "listtable", "listoverridetable",
            "rsidtbl", "generator", "xmlnstbl", "revtbl", "filetbl", "pgdsctbl", "mmathPr");
    private static final Set<String> PARAGRAPH_ENDS = Set.of("par", "sect", "page", "cell", "row", "nestcell",
            "nestrow");

    private LegacyRtf() {
    }

    /** The document with its legacy-font text in Unicode; null when it has none. */
    static byte[] rewrite(byte[] rtf, EncodingsFound found) {
        String source = new String(rtf, StandardCharsets.ISO_8859_1);
        String lower = source.toLowerCase(Locale.ROOT);
        if (!lower.contains(".vn") && !lower.contains("vni") && !lower.contains("viscii")) {
            return null;
        }
        List<Piece> pieces = new Parser(source).pieces();
        List<List<Piece>> paragraphs = new ArrayList<>();
        Map<Integer, List<Piece>> byParagraph = new LinkedHashMap<>();
        pieces.forEach(p -> byParagraph.computeIfAbsent(p.paragraph(), k -> new ArrayList<>()).add(p));
        paragraphs.addAll(byParagraph.values());
        List<List<String>> texts = LegacyVietnamese.fromFonts(
                paragraphs.stream().map(p -> p.stream().map(Piece::run).toList()).toList(), found);
        Map<Piece, String> converted = new HashMap<>();
        for (int p = 0; p < paragraphs.size(); p++) {
            for (int i = 0; i < paragraphs.get(p).size(); i++) {
                Piece piece = paragraphs.get(p).get(i);
                if (!texts.get(p).get(i).equals(piece.run().text())) {
                    converted.put(piece, texts.get(p).get(i));
                }
            }
        }
        if (converted.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(source.length() + source.length() / 2);
        int at = 0;
        for (Piece piece : pieces) {
            String text = converted.get(piece);
            if (text != null) {
                out.append(source, at, piece.start()).append(escaped(text));
                at = piece.end();
            }
        }
        out.append(source, at, source.length());
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder("{\\uc1 ");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '{' || c == '}') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                out.append("\\u").append(c > Short.MAX_VALUE ? c - 0x10000 : c).append('?');
            }
        }
        return out.append('}').toString();
    }

    /** Text in a legacy font, from {@code start} to {@code end} of the source. */
    private record Piece(int start, int end, Run run, int paragraph) {
    }

    private static final class State {
        int font = -1;
        int uc = 1;
        boolean skip;
        boolean fontTable;
        boolean hidden;

        State copy() {
            State copy = new State();
            copy.font = font;
            copy.uc = uc;
            copy.skip = skip;
            copy.fontTable = fontTable;
            copy.hidden = hidden;
            return copy;
        }
    }

    private static final class Parser {
        private final String s;
        private final Map<Integer, String> fonts = new HashMap<>();
        private final Deque<State> stack = new ArrayDeque<>();
        private final List<Piece> pieces = new ArrayList<>();
        private State state = new State();
        private int i;
        private int defaultFont = -1;
        private int paragraph;
        private int definedFont = -1;
        private final StringBuilder fontName = new StringBuilder();
        private int pieceStart = -1;
        private int pieceEnd;
        private String pieceFont;
        private final StringBuilder pieceText = new StringBuilder();

        Parser(String source) {
            this.s = source;
        }

        List<Piece> pieces() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '{') {
                    flush();
                    stack.push(state);
                    state = state.copy();
                    i++;
                } else if (c == '}') {
                    flush();
                    state = stack.isEmpty() ? state : stack.pop();
                    i++;
                } else if (c == '\\') {
                    control();
                } else if (c == '\r' || c == '\n') {
                    i++;
                } else {
                    text(Cp1252View.charOf(c), i, ++i);
                }
            }
            flush();
            return pieces;
        }

        private void control() {
            int start = i++;
            if (i >= s.length()) {
                return;
            }
            char d = s.charAt(i);
            if (isAsciiLetter(d)) {
                int wordStart = i;
                while (i < s.length() && isAsciiLetter(s.charAt(i))) {
                    i++;
                }
                String word = s.substring(wordStart, i);
                int paramStart = i;
                if (i < s.length() && s.charAt(i) == '-') {
                    i++;
                }
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                Integer param = parameter(s.substring(paramStart, i));
                if (i < s.length() && s.charAt(i) == ' ') {
                    i++;
                }
                word(word, param, start);
            } else if (d == '\'') {
                int hex = i + 3 <= s.length() ? parseHex(s.substring(i + 1, i + 3)) : -1;
                i = Math.min(i + 3, s.length());
                if (hex >= 0) {
                    text(Cp1252View.charOf(hex), start, i);
                }
            } else if (d == '-') {
                text('\u00AD', start, ++i);
            } else if (d == '\\' || d == '{' || d == '}') {
                text(d, start, ++i);
            } else {
                flush();
                i++;
                if (d == '*') {
                    state.skip = true;
                    state.hidden = true;
                } else if (d == '\n' || d == '\r') {
                    paragraph++;
                }
            }
        }

        private void word(String word, Integer param, int start) {
            int value = param == null ? 0 : param;
            switch (word) {
                case "u" -> unicode(value, start);
                case "uc" -> state.uc = Math.max(0, value);
                case "f" -> {
                    if (state.fontTable) {
                        definedFont = value;
                        fontName.setLength(0);
                    } else if (!state.skip) {
                        flush();
                        state.font = value;
                    }
                }
                case "deff" -> {
                    defaultFont = value;
                    state.font = value;
                }
                case "plain" -> {
                    flush();
                    state.font = defaultFont;
                }
                case "fonttbl" -> {
                    flush();
                    state.skip = true;
                    state.fontTable = true;
                }
                case "bin" -> {
                    flush();
                    i = Math.min(s.length(), i + Math.max(0, value));
                }
                default -> {
                    flush();
                    if (PARAGRAPH_ENDS.contains(word)) {
                        paragraph++;
                    } else if (SKIPPED.contains(word)) {
                        state.skip = true;
                    }
                }
            }
        }

        /** A Unicode character (control word "u") and the fallback characters after it, which readers skip. */
        private void unicode(int value, int start) {
            int end = i;
            for (int k = 0; k < state.uc && end < s.length(); k++) {
                char c = s.charAt(end);
                if (c == '\\' && end + 1 < s.length() && s.charAt(end + 1) == '\'') {
                    end += 4;
                } else if (c == '\\' || c == '{' || c == '}') {
                    break;
                } else {
                    end++;
                }
            }
            i = Math.min(end, s.length());
            text((char) (value < 0 ? value + 0x10000 : value), start, i);
        }

        private void text(char c, int start, int end) {
            if (state.fontTable) {
                if (state.hidden) {
                    return;
                }
                if (c == ';') {
                    fonts.put(definedFont, fontName.toString().strip());
                    fontName.setLength(0);
                } else {
                    fontName.append(c);
                }
            } else if (!state.skip && LegacyEncoding.ofFont(fonts.get(state.font)) != LegacyEncoding.UNICODE) {
                if (pieceStart < 0) {
                    pieceStart = start;
                    pieceFont = fonts.get(state.font);
                }
                pieceText.append(c);
                pieceEnd = end;
            } else {
                flush();
            }
        }

        private void flush() {
            if (pieceStart >= 0) {
                pieces.add(new Piece(pieceStart, pieceEnd, new Run(pieceText.toString(), pieceFont),
                        paragraph));
                pieceStart = -1;
                pieceText.setLength(0);
            }
        }

        private static boolean isAsciiLetter(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }

        private static Integer parameter(String digits) {
            if (digits.isEmpty() || "-".equals(digits)) {
                return null;
            }
            try {
                return Integer.parseInt(digits);
            } catch (NumberFormatException tooLong) {
                return null;
            }
        }

        private static int parseHex(String hex) {
            try {
                return Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
