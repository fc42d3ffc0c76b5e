package vn.sohoa.pipeline.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import vn.sohoa.core.text.Cp1252View;

/**
 * Born-digital files in legacy Vietnamese encodings come out of {@link DocumentExtractor} as the same
 * text as the same files written in Unicode, with the encoding recorded; Unicode files are untouched.
 */
class LegacyDocumentsTest {

    private static final String TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    private static final String BODY = "Cộng hòa xã hội chủ nghĩa Việt Nam — Liên đoàn Lao động tỉnh Bình Phước,"
            + " Công đoàn cơ sở, người lao động, Thượng khẩn, ";
    /**
     * TCVN3 draws toned capitals only in its ...H fonts: in a TCVN3 document this part is a .VnTimeH
     * run, and it comes out in capitals only if the font was found (statistics alone give lower case).
     */
    private static final String CAPITALS = "ĐOÀN KẾT";
    private static final String SENTENCE = BODY + CAPITALS;

    @TempDir
    Path dir;


    @Test
    void plainTextInEachLegacyEncoding() throws Exception {
        String lowerEnd = BODY + "Đoàn kết";
        assertRead(lowerEnd, "TCVN3", extract("tcvn3.txt", LegacyBytes.TCVN3.encode(lowerEnd)));
        assertRead(SENTENCE, "VNI", extract("vni.txt", LegacyBytes.VNI.encode(SENTENCE)));
        String noDash = SENTENCE.replace('—', '-');
        assertRead(noDash, "VISCII", extract("viscii.txt", LegacyBytes.VISCII.encode(noDash)));
        assertRead(SENTENCE, "windows-1258", extract("cp1258.txt", LegacyBytes.WINDOWS_1258.encode(SENTENCE)));
        byte[] misread = Cp1252View.decode(SENTENCE.getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        assertRead(SENTENCE, "UTF-8 (read as cp1252)", extract("misread.txt", misread));
    }

    @Test
    void plainTextOnSeveralLines() throws Exception {
        String text = "LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH PHƯỚC".toLowerCase() + "\nSố: 30/TTr-LĐLĐ\n\n" + BODY + "Đoàn kết";
        Extraction read = extract("nhieu dong.txt", LegacyBytes.TCVN3.encode(text));
        assertRead(text, "TCVN3", read);
        assertEquals("text/plain", read.contentType());
    }

    @Test
    void unicodeTextIsUntouched() throws Exception {
        String text = TITLE + "\n" + SENTENCE + "\nHà Giang, Cà Mau, Sè";
        assertRead(text, "UTF-8", extract("unicode.txt", text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void binaryIsStillRefused() {
        byte[] noise = new BigInteger(8 * 4096, new Random(7)).toByteArray();
        assertThrows(UnreadableDocumentException.class, () -> extract("noise.txt", noise));
        byte[] highBytes = new byte[4096];
        Random random = new Random(11);
        for (int i = 0; i < highBytes.length; i++) {
            highBytes[i] = (byte) (i % 7 == 6 ? ' ' : 0x80 + random.nextInt(0x80));
        }
        assertThrows(UnreadableDocumentException.class, () -> extract("high bytes.txt", highBytes));
    }

    @Test
    void rtfWithTcvn3AndCapitalsFonts() throws Exception {
        String fonts = "{\\fonttbl{\\f0\\fnil\\fcharset0 .VnTime;}{\\f1\\fnil\\fcharset0 .VnTimeH;}"
                + "{\\f2\\froman\\fcharset0{\\*\\panose 02020603050405020304}Times New Roman;}}";
        String legacy = "{\\rtf1\\ansi\\ansicpg1252\\deff0" + fonts + "\n\\pard\\plain\\f2 " + rtfUnicode(TITLE)
                + "\\par\n\\pard\\plain " + rtfBytes(LegacyBytes.TCVN3.shown(BODY), false)
                + "{\\b\\f1 " + rtfBytes(LegacyBytes.TCVN3.shownInCapitalsFont(CAPITALS), false) + "}\\par\n"
                + "\\pard\\f0 " + rtfBytes(LegacyBytes.TCVN3.shown("người lao động"), true) + "\\par\n}";
        String unicode = "{\\rtf1\\ansi\\ansicpg1252\\deff2" + fonts + "\n\\pard\\plain\\f2 " + rtfUnicode(TITLE)
                + "\\par\n\\pard\\plain " + rtfUnicode(BODY) + "{\\b " + rtfUnicode(CAPITALS) + "}\\par\n"
                + "\\pard " + rtfUnicode("người lao động") + "\\par\n}";
        Extraction read = extract("tcvn3.rtf", legacy.getBytes(StandardCharsets.ISO_8859_1));
        assertSameText(extract("unicode.rtf", unicode.getBytes(StandardCharsets.ISO_8859_1)), read);
        assertTrue(text(read).contains(TITLE + "\n" + SENTENCE + "\nngười lao động"), text(read));
        assertEquals("TCVN3", read.properties().get("encoding"));
    }

    @Test
    void rtfWithVniFont() throws Exception {
        String legacy = "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0\\fswiss VNI-Helve;}}\\f0 "
                + rtfBytes(LegacyBytes.VNI.shown(SENTENCE), false) + "\\par}";
        Extraction read = extract("vni.rtf", legacy.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(SENTENCE, text(read));
        assertEquals("VNI", read.properties().get("encoding"));
    }

    @Test
    void docxWithAUnicodeTitleAndLegacyRuns() throws Exception {
        byte[] legacy = docx(doc -> {
            run(doc.createParagraph(), TITLE, "Times New Roman");
            XWPFParagraph body = doc.createParagraph();
            run(body, LegacyBytes.TCVN3.shown(BODY), ".VnTime");
            run(body, LegacyBytes.TCVN3.shownInCapitalsFont(CAPITALS), ".VnTimeH");
            XWPFParagraph styled = doc.createParagraph();
            styled.setStyle(style(doc, "VnBody", ".VnTime"));
            run(styled, LegacyBytes.TCVN3.shown("Liên đoàn Lao động tỉnh"), null);
            XWPFParagraph hyphen = doc.createParagraph();
            run(hyphen, "ng", ".VnTime");
            run(hyphen, "", ".VnTime").getCTR().addNewSoftHyphen();
            run(hyphen, LegacyBytes.TCVN3.shown("ời lao động"), ".VnTime");
            run(doc.createParagraph(), LegacyBytes.VNI.shown("Công đoàn cơ sở"), "VNI-Times");
        });
        byte[] unicode = docx(doc -> {
            run(doc.createParagraph(), TITLE, "Times New Roman");
            run(doc.createParagraph(), SENTENCE, "Times New Roman");
            run(doc.createParagraph(), "Liên đoàn Lao động tỉnh", "Times New Roman");
            run(doc.createParagraph(), "người lao động", "Times New Roman");
            run(doc.createParagraph(), "Công đoàn cơ sở", "Times New Roman");
        });
        Extraction read = extract("hon hop.docx", legacy);
        assertSameText(extract("unicode.docx", unicode), read);
        assertEquals(TITLE + "\n" + SENTENCE + "\nLiên đoàn Lao động tỉnh\nngười lao động\nCông đoàn cơ sở", text(read));
        assertEquals("TCVN3, VNI", read.properties().get("encoding"));
    }

    @Test
    void docxFontsFromTheDefaultStyleAndTheDocumentDefaults() throws Exception {
        byte[] normal = docx(doc -> {
            style(doc, "Normal", ".VnTimeH", true);
            run(doc.createParagraph(), LegacyBytes.TCVN3.shownInCapitalsFont(TITLE), null);
        });
        assertRead(TITLE, "TCVN3", extract("normal.docx", normal));
        byte[] defaults = docx(doc -> {
            CTFonts fonts = CTFonts.Factory.newInstance();
            fonts.setAscii(".VnArialH");
            fonts.setHAnsi(".VnArialH");
            doc.createStyles().setDefaultFonts(fonts);
            run(doc.createParagraph(), LegacyBytes.TCVN3.shownInCapitalsFont("LIÊN ĐOÀN LAO ĐỘNG"), null);
        });
        assertRead("LIÊN ĐOÀN LAO ĐỘNG", "TCVN3", extract("defaults.docx", defaults));
    }

    @Test
    void docxWithoutLegacyFontsIsReadStatistically() throws Exception {
        byte[] legacy = docx(doc -> {
            run(doc.createParagraph(), TITLE, "Times New Roman");
            run(doc.createParagraph(), LegacyBytes.TCVN3.shown(BODY + "Đoàn kết"), "Times New Roman");
        });
        Extraction read = extract("khong font.docx", legacy);
        assertEquals(TITLE + "\n" + BODY + "Đoàn kết", text(read));
        assertEquals("TCVN3", read.properties().get("encoding"));
    }

    @Test
    void unicodeDocxIsUntouched() throws Exception {
        Extraction read = extract("unicode.docx", docx(doc -> {
            run(doc.createParagraph(), TITLE, ".VnTime");
            run(doc.createParagraph(), "Hà Giang, Cà Mau", "VNI-Times");
            run(doc.createParagraph(), SENTENCE, null);
        }));
        assertEquals(TITLE + "\nHà Giang, Cà Mau\n" + SENTENCE, text(read));
        assertNull(read.properties().get("encoding"));
    }

    @Test
    void htmlWithLegacyFontsClassesAndStyles() throws Exception {
        String legacy = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
                + "<style><!-- p.VnBody, li.VnBody {font-family:\".VnTime\"; mso-hansi-font-family:Arial} --></style>"
                + "</head><body><p align=center><b>" + htmlEntities(TITLE) + "</b></p>"
                + "<p><font face=\".VnTime\">" + LegacyBytes.TCVN3.shown(BODY) + "</font>"
                + "<font face=\".VnTimeH\">" + LegacyBytes.TCVN3.shownInCapitalsFont(CAPITALS) + "</font></p>"
                + "<p class=VnBody>" + LegacyBytes.TCVN3.shown("ng") + "&shy;"
                + LegacyBytes.TCVN3.shown("ời lao động") + "</p>"
                + "<p><span style='font-family:\"VNI-Times\",serif'>" + LegacyBytes.VNI.shown("Công đoàn cơ sở")
                + "</span></p></body></html>";
        String unicode = "<html><head><meta charset=\"UTF-8\"></head><body><p align=center><b>" + TITLE + "</b></p>"
                + "<p>" + BODY + CAPITALS + "</p><p>người lao động</p><p>Công đoàn cơ sở</p></body></html>";
        Extraction read = extract("trang.html", cp1252(legacy));
        assertSameText(extract("unicode.html", unicode.getBytes(StandardCharsets.UTF_8)), read);
        assertTrue(text(read).contains(SENTENCE + "\n") && text(read).contains("người lao động"), text(read));
        assertEquals("TCVN3, VNI", read.properties().get("encoding"));
    }

    @Test
    void htmlWithoutFontsIsReadStatistically() throws Exception {
        String legacy = "<html><head><meta charset=\"windows-1252\"></head><body><p>"
                + LegacyBytes.TCVN3.shown(BODY + "Đoàn kết") + "</p></body></html>";
        Extraction read = extract("khong font.html", cp1252(legacy));
        assertEquals(BODY + "Đoàn kết", text(read));
        assertEquals("TCVN3", read.properties().get("encoding"));
    }

    @Test
    void wordMarksOfDocRuns() {
        String raw = "\u0013 HYPERLINK \"http://x\" \u0014Li\u00aan\u0015 ng\u001f\u00eai\u0007";
        assertEquals("Li\u00aan ng\u00ad\u00eai\t", LegacyDoc.visible(raw, new ArrayDeque<>(), true));
        assertEquals("Li\u00aan ng\u00eai\t", LegacyDoc.visible(raw, new ArrayDeque<>(), false));
    }

    private Extraction extract(String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        DocumentExtractor extractor = new DocumentExtractor(null, 300, dir.resolve("pdfa"), 1);
        return extractor.extract(name, file, extractor.contentType(file), page -> { });
    }

    private static String text(Extraction extraction) {
        return extraction.pages().get(0).text();
    }

    private static void assertRead(String expected, String encoding, Extraction read) {
        assertEquals(expected, text(read));
        assertEquals(encoding, read.properties().get("encoding"));
    }

    private static void assertSameText(Extraction unicode, Extraction legacy) {
        assertEquals(text(unicode), text(legacy));
    }

    private static byte[] docx(Consumer<XWPFDocument> content) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            content.accept(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static XWPFRun run(XWPFParagraph paragraph, String text, String font) {
        XWPFRun run = paragraph.createRun();
        if (!text.isEmpty()) {
            run.setText(text);
        }
        if (font != null) {
            run.setFontFamily(font);
        }
        return run;
    }

    private static String style(XWPFDocument doc, String id, String font) {
        return style(doc, id, font, false);
    }

    private static String style(XWPFDocument doc, String id, String font, boolean byDefault) {
        CTStyle style = CTStyle.Factory.newInstance();
        if (byDefault) {
            style.setDefault(true);
        }
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(id);
        CTFonts fonts = style.addNewRPr().addNewRFonts();
        fonts.setAscii(font);
        fonts.setHAnsi(font);
        doc.createStyles().addStyle(new XWPFStyle(style));
        return id;
    }

    /** RTF for text shown as cp1252: bytes above 0x7F as \'hh, the soft hyphen optionally as \-. */
    private static String rtfBytes(String shown, boolean softHyphenAsControl) {
        StringBuilder out = new StringBuilder();
        for (char c : shown.toCharArray()) {
            int b = Cp1252View.byteOf(c);
            if (c == '\u00AD' && softHyphenAsControl) {
                out.append("\\-");
            } else if (c == '\\' || c == '{' || c == '}') {
                out.append('\\').append(c);
            } else if (b >= 0x80) {
                out.append(String.format("\\'%02x", b));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String rtfUnicode(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c < 0x80 ? String.valueOf(c) : "\\u" + (int) c + "?");
        }
        return out.toString();
    }

    private static String htmlEntities(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c < 0x80 ? String.valueOf(c) : "&#" + (int) c + ";");
        }
        return out.toString();
    }

    private static byte[] cp1252(String shown) {
        byte[] bytes = new byte[shown.length()];
        for (int i = 0; i < shown.length(); i++) {
            bytes[i] = (byte) Cp1252View.byteOf(shown.charAt(i));
        }
        return bytes;
    }
}
