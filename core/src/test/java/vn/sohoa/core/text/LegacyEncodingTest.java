package vn.sohoa.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every letter of the domain notes' byte table (vn-encodings-table.tsv) reads back as itself. */
class LegacyEncodingTest {

    private static final Path TABLE = Path.of(System.getProperty("sohoa.docs.dir", "../testdata"),
            "vn-encodings-table.tsv");

    @Test
    void everyLetterOfTheTableDecodes() throws IOException {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String[] row : rows()) {
            String letter = row[0];
            checked += check(wrong, letter, LegacyEncoding.VISCII, row[2], false);
            checked += check(wrong, letter, LegacyEncoding.VNI, row[5], false);
            checked += check(wrong, letter, LegacyEncoding.WINDOWS_1258, row[7], false);
            if (row[4].startsWith("(none")) {
                String capitalsFontByte = row[4].substring(row[4].indexOf("= ") + 2, row[4].length() - 1);
                checked += check(wrong, letter, LegacyEncoding.TCVN3, capitalsFontByte, true);
            } else {
                checked += check(wrong, letter, LegacyEncoding.TCVN3, row[4], false);
            }
            assertEquals(row[6], Cp1252View.decode(bytes(row[5])), "VNI as cp1252 text of " + letter);
        }
        assertEquals(134 * 4, checked);
        assertEquals(List.of(), wrong);
    }

    @Test
    void utf8ReadAsCp1252IsRepaired() {
        String text = "Cộng hòa xã hội chủ nghĩa Việt Nam, ĐOÀN KẾT, Ý kiến, Thượng khẩn";
        String misread = Cp1252View.decode(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(misread.startsWith("Cá»™ng hÃ²a"), misread);
        assertEquals(text, LegacyEncoding.UTF8_AS_CP1252.decode(misread));
    }

    @Test
    void bytesLostToUndefinedCp1252AreGuessed() {
        String text = "ĐOÀN KẾT, điều lệ, người lao động, Ý kiến, tờ trình, học tập, NGỌC";
        String misread = Cp1252View.decode(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .replaceAll("[\\u0081\\u008D\\u008F\\u0090\\u009D]", "\uFFFD");
        assertTrue(misread.contains("\uFFFD"));
        assertEquals(text, LegacyEncoding.UTF8_AS_CP1252.decode(misread));
    }

    @Test
    void charactersThatAreNoByteAreKept() {
        assertEquals("Liên đoàn → Công đoàn ộ", LegacyEncoding.TCVN3.decode("Liªn ®oµn → C«ng ®oµn ộ"));
    }

    @Test
    void fontNamesSayTheEncoding() {
        assertEquals(LegacyEncoding.TCVN3, LegacyEncoding.ofFont(".VnTime"));
        assertEquals(LegacyEncoding.TCVN3, LegacyEncoding.ofFont(" .VnArial NarrowH "));
        assertEquals(LegacyEncoding.VNI, LegacyEncoding.ofFont("VNI-Times"));
        assertEquals(LegacyEncoding.UNICODE, LegacyEncoding.ofFont("Times New Roman"));
        assertEquals(LegacyEncoding.UNICODE, LegacyEncoding.ofFont(null));
        assertTrue(LegacyEncoding.drawsCapitals(".VnTimeH"));
        assertTrue(!LegacyEncoding.drawsCapitals(".VnTime") && !LegacyEncoding.drawsCapitals("VNI-Helve"));
    }

    private static int check(List<String> wrong, String letter, LegacyEncoding encoding, String hex, boolean capitals) {
        String decoded = encoding.decode(Cp1252View.decode(bytes(hex)));
        if (capitals) {
            decoded = decoded.toUpperCase(java.util.Locale.ROOT);
        }
        if (!letter.equals(decoded)) {
            wrong.add(encoding + " " + hex + " -> " + decoded + ", not " + letter);
        }
        return 1;
    }

    static byte[] bytes(String hex) {
        String[] each = hex.strip().split(" ");
        byte[] bytes = new byte[each.length];
        for (int i = 0; i < each.length; i++) {
            bytes[i] = (byte) Integer.parseInt(each[i], 16);
        }
        return bytes;
    }

    static List<String[]> rows() throws IOException {
        assertTrue(Files.isRegularFile(TABLE), "the byte table of the domain notes is needed: " + TABLE.toAbsolutePath());
        List<String> lines = Files.readAllLines(TABLE);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split("\t"));
            }
        }
        assertEquals(134, rows.size());
        return rows;
    }
}
