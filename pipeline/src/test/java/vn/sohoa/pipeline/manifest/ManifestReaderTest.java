package vn.sohoa.pipeline.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {

    @TempDir
    Path dir;

    @Test
    void aSecrecyColumnGivesTheMarkInCapitals() throws Exception {
        Manifest manifest = csv(bom(), String.join("\r\n", "Tên tệp;Độ mật", "a.pdf;Tối  mật", "b.pdf;", ""));
        assertEquals("TỐI MẬT", manifest.valuesFor("a.pdf").get("confidentiality"));
        assertFalse(manifest.valuesFor("b.pdf").containsKey("confidentiality"), "an empty cell gives no mark");
    }

    @Test
    void readsACsvWithVietnameseHeadersSemicolonsQuotesAndBom() throws Exception {
        Manifest manifest = csv(bom(), String.join("\r\n",
                "STT;Tên tệp;Số ký hiệu;Ngày tháng năm văn bản;Tên loại văn bản;Trích yếu nội dung;Cơ quan ban hành;Người ký;Ghi chú",
                "1;Chương trình 06.pdf;06/CTr-LĐLĐ;05/02/2024;Chương trình;\"Công tác năm 2024; \"\"trọng tâm\"\"\";"
                        + "Ban Thường vụ LĐLĐ tỉnh;Nguyễn Văn An;bản gốc",
                ""));
        Map<String, String> values = manifest.valuesFor("Chương trình 06.pdf");
        assertEquals("06", values.get("codeNumber"));
        assertEquals("CTr-LĐLĐ", values.get("codeNotation"));
        assertEquals("2024-02-05", values.get("issuedDate"));
        assertEquals("09", values.get("typeName"));
        assertEquals("Chương trình", values.get("documentType"));
        assertEquals("Công tác năm 2024; \"trọng tâm\"", values.get("subject"));
        assertEquals("Ban Thường vụ LĐLĐ tỉnh", values.get("organName"));
        assertEquals("Nguyễn Văn An", values.get("signer"));
        assertEquals("bản gốc", values.get("description"));
        assertEquals("1", values.get("STT"), "a column sohoa does not know is kept under its header");
        assertFalse(values.containsKey("fileName"));
    }

    @Test
    void readsACommaSeparatedCsvWithTheStandardsEnglishTags() throws Exception {
        Manifest manifest = csv(new byte[0], String.join("\n",
                "fileName,codeNumber,codeNotation,issuedDate,typeName,organName,numberOfPage,mode,language",
                "ke hoach.docx,59,KH - LĐLĐ,2024-03-05,10,LĐLĐ huyện Bù Đốp,3,Công khai,Tiếng Việt"));
        Map<String, String> values = manifest.valuesFor("ke hoach.docx");
        assertEquals("59", values.get("codeNumber"));
        assertEquals("KH-LĐLĐ", values.get("codeNotation"));
        assertEquals("2024-03-05", values.get("issuedDate"));
        assertEquals("10", values.get("typeName"));
        assertEquals("Kế hoạch", values.get("documentType"));
        assertEquals("3", values.get("numberOfPage"));
        assertEquals("01", values.get("mode"));
        assertEquals("01", values.get("language"));
    }

    @Test
    void headersAreKnownWithoutDiacriticsInAnyCaseAndUnderTheirOtherNames() throws Exception {
        Manifest manifest = csv(new byte[0], String.join("\n",
                "TEN FILE;so, ky hieu;Ngay van ban;LOAI VAN BAN;trich yeu;Tac gia;Ma ho so;Tieu de ho so;"
                        + "Thoi han bao quan;Che do su dung;Tu khoa;So trang (*)",
                "a.pdf;12/TB-LĐLĐ;1/3/2023;Thông báo;Lịch trực Tết;LĐLĐ tỉnh;HS-01;Văn bản đi 2023;Vĩnh viễn;"
                        + "Mật;Tết;2"));
        Map<String, String> values = manifest.valuesFor("a.pdf");
        assertEquals("12", values.get("codeNumber"));
        assertEquals("TB-LĐLĐ", values.get("codeNotation"));
        assertEquals("2023-03-01", values.get("issuedDate"));
        assertEquals("07", values.get("typeName"));
        assertEquals("Lịch trực Tết", values.get("subject"));
        assertEquals("LĐLĐ tỉnh", values.get("organName"));
        assertEquals("HS-01", values.get("fileCode"));
        assertEquals("Văn bản đi 2023", values.get("title"));
        assertEquals("Vĩnh viễn", values.get("maintenance"));
        assertEquals("03", values.get("mode"));
        assertEquals("Tết", values.get("keyword"));
        assertEquals("2", values.get("numberOfPage"));
    }

    @Test
    void aRowWithoutFileNameGivesEveryFileItsValuesAndFileRowsGoOverThem() throws Exception {
        Manifest manifest = csv(new byte[0], String.join("\n",
                "Tên tệp;Mã hồ sơ;Tiêu đề hồ sơ;Thời hạn bảo quản;Chế độ sử dụng;Trích yếu",
                ";HS-2024-07;Hồ sơ Đại hội;20 năm;Công khai;",
                "a.pdf;;;;Sử dụng có điều kiện;Báo cáo chính trị",
                "b.pdf;;;;;Diễn văn khai mạc"));
        Map<String, String> a = manifest.valuesFor("a.pdf");
        assertEquals("HS-2024-07", a.get("fileCode"));
        assertEquals("Hồ sơ Đại hội", a.get("title"));
        assertEquals("20 năm", a.get("maintenance"));
        assertEquals("02", a.get("mode"), "the file's own row goes over the dossier's");
        assertEquals("Báo cáo chính trị", a.get("subject"));
        assertEquals("01", manifest.valuesFor("b.pdf").get("mode"));
        assertEquals(Map.of("fileCode", "HS-2024-07", "title", "Hồ sơ Đại hội", "maintenance", "20 năm", "mode", "01"),
                manifest.valuesFor("not listed.pdf"));
    }

    @Test
    void aDossierFieldEveryFileRowGivesAlikeIsTheDossiers() throws Exception {
        Manifest manifest = csv(new byte[0], String.join("\n",
                "Tên tệp;Mã hồ sơ;Trích yếu;Thời hạn bảo quản",
                "a.pdf;HS-09;một;10 năm",
                "b.pdf;HS-09;hai;Vĩnh viễn"));
        assertEquals(Map.of("fileCode", "HS-09"), manifest.valuesFor("c.pdf"));
    }

    @Test
    void filesAreFoundInNfcThenInAnyCaseThenWithoutTheirExtension() throws Exception {
        String decomposed = Normalizer.normalize("Tờ trình 30.pdf", Normalizer.Form.NFD);
        Manifest manifest = csv(new byte[0], String.join("\n",
                "Tên tệp;Trích yếu",
                decomposed + ";đề nghị hỗ trợ",
                "BAO CAO.PDF;báo cáo",
                "Hồ sơ 1\\ke hoach;kế hoạch"));
        assertEquals("đề nghị hỗ trợ", manifest.valuesFor("Tờ trình 30.pdf").get("subject"));
        assertEquals("báo cáo", manifest.valuesFor("bao cao.pdf").get("subject"));
        assertEquals("kế hoạch", manifest.valuesFor("Ke Hoach.docx").get("subject"));
        assertTrue(manifest.valuesFor("khac.pdf").isEmpty());
    }

    @Test
    void datesAreReadDayFirstAndKeptAsWrittenWhenNoSuchDayExists() {
        for (String written : new String[] {"5/2/2024", "05/02/2024", "05-02-2024", "05.02.2024", "2024-02-05",
                "2024-2-5", "ngày 5 tháng 2 năm 2024", "Hà Nội, ngày 05 tháng 02 năm 2024", "05/02/2024 00:00"}) {
            assertEquals("2024-02-05", ManifestValues.of("issuedDate", written).get("issuedDate"), written);
        }
        assertEquals("31/02/2024", ManifestValues.of("issuedDate", "31/02/2024").get("issuedDate"));
        assertEquals("quý I/2024", ManifestValues.of("issuedDate", "quý I/2024").get("issuedDate"));
    }

    @Test
    void typesGivenByNameAbbreviationOrCodeGiveTheCodeAndName() {
        for (String written : new String[] {"Kế hoạch", "KẾ HOẠCH", "ke hoach", "KH", "10", "10 - Kế hoạch", "10. Kế hoạch"}) {
            assertEquals(Map.of("typeName", "10", "documentType", "Kế hoạch"), ManifestValues.of("typeName", written),
                    written);
        }
        assertEquals(Map.of("typeName", "09", "documentType", "Chương trình"), ManifestValues.of("typeName", "9"));
        assertEquals(Map.of("typeName", "30", "documentType", "Bản đồ"), ManifestValues.of("typeName", "Bản đồ"));
        assertEquals(Map.of("typeName", "32", "documentType", "Quyết định khen thưởng"),
                ManifestValues.of("typeName", "Quyết định khen thưởng"), "outside the list: Khác, name kept");
        assertEquals(Map.of("typeName", "45"), ManifestValues.of("typeName", "45"));
    }

    @Test
    void aNumberThatCannotBeSplitIsKeptAsWritten() {
        assertEquals(Map.of("codeNumber", "06b", "codeNotation", "CTr-LĐLĐ"),
                ManifestValues.of("documentNumber", "Số: 06b / CTr – LĐLĐ"));
        assertEquals(Map.of("documentNumber", "không số"), ManifestValues.of("documentNumber", "không số"));
        assertEquals(Map.of("codeNumber", "30"), ManifestValues.of("codeNumber", "Số 30"));
    }

    @Test
    void readsAnXlsxWithATitleRowColumnNumbersDateCellsAndMergedCells() throws Exception {
        Path file = dir.resolve("metadata.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("Ghi chú");
            Sheet sheet = workbook.createSheet("Mục lục");
            sheet.createRow(0).createCell(0).setCellValue("MỤC LỤC VĂN BẢN");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
            String[] header = {"Mã hồ sơ", "Tên tệp", "Số, ký hiệu", "Ngày, tháng, năm văn bản", "Số trang", "Loại"};
            Row head = sheet.createRow(1);
            Row numbers = sheet.createRow(2);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
                numbers.createCell(c).setCellValue("(" + (c + 1) + ")");
            }
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Object[][] rows = {{"HS-15", "TTr 30.tif", "30/TTr-LĐLĐ", LocalDate.of(2021, 6, 11), 2.0, "Tờ trình"},
                    {null, "BC 12.pdf", "12/BC-LĐLĐ", "03/01/2022", 5.0, "14"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(3 + r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object value = rows[r][c];
                    if (value instanceof String text) {
                        row.createCell(c).setCellValue(text);
                    } else if (value instanceof Double number) {
                        row.createCell(c).setCellValue(number);
                    } else if (value instanceof LocalDate date) {
                        row.createCell(c).setCellValue(date);
                        row.getCell(c).setCellStyle(dateStyle);
                    }
                }
            }
            sheet.addMergedRegion(new CellRangeAddress(3, 4, 0, 0));
            workbook.write(out);
        }
        Manifest manifest = ManifestReader.read(file);
        Map<String, String> tiff = manifest.valuesFor("TTr 30.tif");
        assertEquals("HS-15", tiff.get("fileCode"));
        assertEquals("30", tiff.get("codeNumber"));
        assertEquals("2021-06-11", tiff.get("issuedDate"), "an Excel date cell");
        assertEquals("2", tiff.get("numberOfPage"));
        assertEquals("15", tiff.get("typeName"));
        Map<String, String> pdf = manifest.valuesFor("BC 12.pdf");
        assertEquals("HS-15", pdf.get("fileCode"), "the merged cell covers every row");
        assertEquals("2022-01-03", pdf.get("issuedDate"));
        assertEquals("Báo cáo", pdf.get("documentType"));
        assertEquals(2, manifest.fileNames().size(), "the column numbers row is not a file");
    }

    @Test
    void readsACsvExcelSavedInWindows1258() throws Exception {
        Path file = dir.resolve("Metadata.CSV");
        Files.write(file, windows1258("Tên tệp;Trích yếu nội dung;Cơ quan ban hành\r\nb.pdf;Về việc tổ chức Hội nghị;"
                + "Liên đoàn Lao động tỉnh Bình Phước\r\n"));
        Map<String, String> values = ManifestReader.read(file).valuesFor("b.pdf");
        assertEquals("Về việc tổ chức Hội nghị", values.get("subject"));
        assertEquals("Liên đoàn Lao động tỉnh Bình Phước", values.get("organName"));
    }

    @Test
    void aManifestThatCannotBeReadSaysWhyInVietnamese() throws Exception {
        Path quote = Files.writeString(dir.resolve("metadata.csv"), "Tên tệp;Trích yếu\na.pdf;\"không đóng\n");
        ManifestException unclosed = assertThrows(ManifestException.class, () -> ManifestReader.read(quote));
        assertTrue(unclosed.getMessage().startsWith("Không đọc được tệp mục lục metadata.csv: "), unclosed.getMessage());
        assertTrue(unclosed.getMessage().contains("ngoặc kép"), unclosed.getMessage());

        Files.writeString(quote, "Họ và tên;Địa chỉ\nAn;Đồng Xoài\n");
        assertTrue(assertThrows(ManifestException.class, () -> ManifestReader.read(quote)).getMessage()
                .contains("không tìm thấy dòng tên cột"));

        Files.write(quote, new byte[] {'T', (byte) 0xAA, 'n', ';', 'X', '\n', 'a', ';', 'b'});
        assertTrue(assertThrows(ManifestException.class, () -> ManifestReader.read(quote)).getMessage()
                .contains("CSV UTF-8"));

        Path broken = Files.write(dir.resolve("metadata.xlsx"), "PK\u0003\u0004 không phải Excel".getBytes(StandardCharsets.UTF_8));
        ManifestException notExcel = assertThrows(ManifestException.class, () -> ManifestReader.read(broken));
        assertTrue(notExcel.getMessage().contains("không phải tệp Excel"), notExcel.getMessage());
    }

    @Test
    void manifestNamesAreKnownInAnyCase() {
        assertTrue(ManifestReader.isManifest("metadata.csv"));
        assertTrue(ManifestReader.isManifest("METADATA.XLSX"));
        assertTrue(ManifestReader.isManifest("Hồ sơ/Metadata.xls"));
        assertFalse(ManifestReader.isManifest("metadata (2).csv"));
        assertFalse(ManifestReader.isManifest("muc luc.xlsx"));
    }

    private Manifest csv(byte[] prefix, String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(prefix);
        bytes.write(text.getBytes(StandardCharsets.UTF_8));
        return ManifestReader.read(Files.write(dir.resolve("metadata.csv"), bytes.toByteArray()));
    }

    private static byte[] bom() {
        return new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    }

    /** As Windows writes Vietnamese in code page 1258: letters with their tone marks as separate combining marks. */
    private static byte[] windows1258(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : Normalizer.normalize(text, Normalizer.Form.NFC).toCharArray()) {
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            StringBuilder tones = new StringBuilder();
            StringBuilder base = new StringBuilder();
            for (char part : decomposed.toCharArray()) {
                ("\u0300\u0301\u0303\u0309\u0323".indexOf(part) >= 0 ? tones : base).append(part);
            }
            out.append(Normalizer.normalize(base, Normalizer.Form.NFC)).append(tones);
        }
        byte[] bytes = out.toString().getBytes(Charset.forName("windows-1258"));
        assertFalse(new String(bytes, Charset.forName("windows-1258")).contains("?"), "test text fits the code page");
        return bytes;
    }
}
