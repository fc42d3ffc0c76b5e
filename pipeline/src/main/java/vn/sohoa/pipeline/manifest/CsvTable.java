package vn.sohoa.pipeline.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.sohoa.core.text.VietnameseText;

/**
 * A CSV manifest as Excel writes it: UTF-8 with or without BOM (or UTF-16 with BOM), separated by
 * semicolons (Excel in a Vietnamese locale), commas or tabs, fields in double quotes. A file that is
 * not UTF-8 is read as Windows-1258, Excel's code page for Vietnamese.
 */
final class CsvTable {

    private static final char[] DELIMITERS = {';', ',', '\t'};
    private static final Charset WINDOWS_1258 = Charset.forName("windows-1258");
    private static final String SAVE_AS_UTF8 = "hãy mở tệp bằng Excel và lưu lại với kiểu \"CSV UTF-8 (Comma delimited)\"";

    private CsvTable() {
    }

    private record Decoded(String text, boolean legacy) {
    }

    static List<List<String>> read(byte[] bytes) throws ManifestException {
        Decoded decoded = decode(bytes);
        List<List<String>> best = null;
        int bestScore = -1;
        ManifestException unreadable = null;
        for (char delimiter : DELIMITERS) {
            try {
                List<List<String>> rows = parse(decoded.text(), delimiter);
                int score = Manifest.headerScore(rows);
                if (score > bestScore) {
                    best = rows;
                    bestScore = score;
                }
            } catch (ManifestException e) {
                unreadable = unreadable == null ? e : unreadable;
            }
        }
        if (best == null || bestScore == 0 && unreadable != null) {
            throw unreadable;
        }
        if (bestScore == 0 && decoded.legacy()) {
            throw new ManifestException("tệp không được lưu theo bảng mã UTF-8 nên không nhận ra được tên các cột; "
                    + SAVE_AS_UTF8);
        }
        return best;
    }

    private static Decoded decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), false);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), false);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), false);
        }
        try {
            return new Decoded(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString(), false);
        } catch (CharacterCodingException notUtf8) {
            // Windows-1258 writes tone marks as combining characters after the letter: NFC joins them.
            return new Decoded(VietnameseText.nfc(new String(bytes, WINDOWS_1258)), true);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static List<List<String>> parse(String text, char delimiter) throws ManifestException {
        // Not lenient at the end: an unclosed quote would silently swallow every row after it into one cell.
        CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(delimiter).setTrim(true).setLenientEof(false).get();
        List<List<String>> rows = new ArrayList<>();
        long line = 1;
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
                line = parser.getCurrentLineNumber() + 1;
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new ManifestException("tệp CSV bị lỗi từ dòng " + line + ": một dấu ngoặc kép (\") mở ra mà không "
                    + "đóng lại; " + SAVE_AS_UTF8, e);
        }
        return rows;
    }
}
