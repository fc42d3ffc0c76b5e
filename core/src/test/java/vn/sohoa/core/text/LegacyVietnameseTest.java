package vn.sohoa.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegacyVietnameseTest {

    private static final String SENTENCE = "Cộng hòa xã hội chủ nghĩa Việt Nam - Liên đoàn Lao động tỉnh Bình Phước,"
            + " Công đoàn cơ sở, người lao động, Thượng khẩn, Đoàn kết";
    /** The same in TCVN3 as cp1252 shows it; "ư" is the soft hyphen U+00AD. */
    private static final String TCVN3 = "Céng hßa x· héi chñ nghÜa ViÖt Nam - Liªn ®oµn Lao ®éng tØnh B×nh Ph\u00adíc,"
            + " C«ng ®oµn c¬ së, ng\u00adêi lao ®éng, Th\u00adîng khÈn, §oµn kÕt";
    private static final String VNI = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam - Lieân ñoaøn Lao ñoäng tænh Bình Phöôùc,"
            + " Coâng ñoaøn cô sôû, ngöôøi lao ñoäng, Thöôïng khaån, Ñoaøn keát";

    @Test
    void guessesEachEncodingOfASentence() {
        assertEquals(LegacyEncoding.TCVN3, LegacyVietnamese.guess(TCVN3));
        assertEquals(LegacyEncoding.VNI, LegacyVietnamese.guess(VNI));
        assertEquals(LegacyEncoding.VISCII, LegacyVietnamese.guess(view(SENTENCE, "VISCII")));
        assertEquals(LegacyEncoding.WINDOWS_1258, LegacyVietnamese.guess(view(SENTENCE, "windows-1258")));
        assertEquals(LegacyEncoding.UTF8_AS_CP1252, LegacyVietnamese.guess(view(SENTENCE, "UTF-8")));
        assertEquals(LegacyEncoding.UNICODE, LegacyVietnamese.guess(SENTENCE));
    }

    @Test
    void decodesBytesWhoseEncodingNothingNames() {
        LegacyVietnamese.Converted converted = LegacyVietnamese.decode(TCVN3.getBytes(Charset.forName("windows-1252")));
        assertEquals(SENTENCE, converted.text());
        assertEquals("TCVN3", converted.found().label());
        assertEquals(SENTENCE, LegacyVietnamese.decode(VNI.getBytes(Charset.forName("windows-1252"))).text());
        assertEquals(SENTENCE, LegacyVietnamese.decode(bytes(SENTENCE, 7)).text());
        assertEquals(SENTENCE, LegacyVietnamese.decode(bytes(SENTENCE, 2)).text());
        assertNull(LegacyVietnamese.decode("Société générale, Grüße, façade".getBytes(StandardCharsets.ISO_8859_1)));
        assertNull(LegacyVietnamese.decode("Report 2024 - plain ASCII".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void repairKeepsUnicodeLinesAndConvertsLegacyOnes() {
        String mixed = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Giang, Cà Mau\n" + TCVN3;
        LegacyVietnamese.Converted repaired = LegacyVietnamese.repair(mixed);
        assertEquals("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Giang, Cà Mau\n" + SENTENCE, repaired.text());
        assertEquals("TCVN3", repaired.found().label());
    }

    @Test
    void repairNeverTouchesUnicode() {
        for (String text : new String[] {SENTENCE, "Hà Giang, Cà Mau, Tô Châu", "Sè 30", "Report – “quoted” … 2024",
                Normalizer.normalize(SENTENCE, Normalizer.Form.NFD)}) {
            LegacyVietnamese.Converted repaired = LegacyVietnamese.repair(text);
            assertEquals(text, repaired.text());
            assertTrue(repaired.found().isEmpty());
        }
    }

    @Test
    void repairsUtf8ReadAsCp1252() {
        String misread = view(SENTENCE, "UTF-8");
        assertEquals(SENTENCE, LegacyVietnamese.repair(misread).text());
        assertEquals("UTF-8 (read as cp1252)", LegacyVietnamese.repair(misread).found().label());
    }

    @Test
    void fontsDecideRunsParagraphByParagraph() {
        EncodingsFound found = new EncodingsFound();
        List<List<String>> converted = LegacyVietnamese.fromFonts(List.of(
                List.of(run("Sè: ", ".VnTime"), run("30/TTr-L§L§", ".VnTime"), run("®oµn kÕt", ".VnTimeH")),
                List.of(run("Vie", "VNI-Times"), run("ät", "VNI-Helve"), run(" Lieân", "Times New Roman"))), found);
        assertEquals(List.of(List.of("Số: ", "30/TTr-LĐLĐ", "ĐOÀN KẾT"), List.of("Vie", "\u0323\u0302t", " Lieân")),
                converted);
        assertEquals("Việt", Normalizer.normalize(converted.get(1).get(0) + converted.get(1).get(1), Normalizer.Form.NFC));
        assertEquals("TCVN3, VNI", found.label());
    }

    @Test
    void unicodeTypedInALegacyFontIsKept() {
        EncodingsFound found = new EncodingsFound();
        List<List<String>> kept = List.of(List.of("Cộng ", "hòa"), List.of("Hà Giang, Cà Mau"));
        assertEquals(kept, LegacyVietnamese.fromFonts(List.of(List.of(run("Cộng ", ".VnTime"), run("hòa", ".VnTime")),
                List.of(run("Hà Giang, Cà Mau", ".VnTime"))), found));
        assertEquals(List.of(List.of("Cà Mau")), LegacyVietnamese.fromFonts(List.of(List.of(run("Cà Mau", "VNI-Times"))),
                found));
        assertTrue(found.isEmpty());
    }

    @Test
    void syllables() {
        for (String word : "cộng hòa hoà xã hội chủ nghĩa việt liên đoàn động tỉnh bình phước người thượng khẩn"
                .concat(" gì giữa quốc quyết kỳ ở ý thuở nghiêng khuya oan ĐOÀN KẾT").split(" ")) {
            assertTrue(VietnameseSyllables.isValid(word), word);
        }
        for (String word : "céng hßa héi chñ nghÜa viÖt liªn ®oµn kÕt coäng vieät cá»™ng ngêi cem ngi ghà sàp tảt"
                .split(" ")) {
            assertFalse(VietnameseSyllables.isValid(word), word);
        }
    }

    private static LegacyVietnamese.Run run(String text, String font) {
        return new LegacyVietnamese.Run(text, font);
    }

    /** The text's bytes in an encoding, as cp1252 shows them: Java's own charsets, or the letter table's column. */
    private static String view(String text, String encoding) {
        int column = switch (encoding) {
            case "VISCII" -> 2;
            case "windows-1258" -> 7;
            default -> -1;
        };
        if (column < 0) {
            return Cp1252View.decode(text.getBytes(Charset.forName(encoding)));
        }
        return Cp1252View.decode(bytes(text, column));
    }

    private static byte[] bytes(String text, int column) {
        try {
            java.util.Map<Character, byte[]> table = new java.util.HashMap<>();
            for (String[] row : LegacyEncodingTest.rows()) {
                table.put(row[0].charAt(0), LegacyEncodingTest.bytes(row[column]));
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (char c : text.toCharArray()) {
                out.writeBytes(table.getOrDefault(c, new byte[] {(byte) Cp1252View.byteOf(c)}));
            }
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
