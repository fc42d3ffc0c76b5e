package vn.sohoa.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.sohoa.core.document.Word;

class ReadingOrderTest {

    private static final int H = 40;

    @Test
    void theTwoHeaderColumnsAreReadOneAfterTheOther() {
        List<List<Word>> lines = List.of(
                line(0, 200, "TỔNG", "LĐLĐ", "VIỆT", "NAM"),
                line(0, 1300, "CỘNG", "HÒA", "XÃ", "HỘI"),
                line(60, 180, "LĐLĐ", "TỈNH", "BÌNH", "PHƯỚC"),
                line(60, 1350, "Độc", "lập", "-", "Tự", "do"),
                line(120, 200, "Số:", "30/TTr-LĐLĐ"),
                line(120, 1300, "Bù", "Đốp,", "ngày", "11"),
                line(250, 900, "TỜ", "TRÌNH"),
                line(320, 200, "Thực", "hiện", "Công", "văn", "số", "1637/LĐLĐ-TG", "ngày", "30/12/2020", "của",
                        "Liên", "đoàn", "Lao", "động", "tỉnh", "về", "việc"),
                line(400, 200, "Nơi", "nhận:"),
                line(400, 1400, "KT.", "CHỦ", "TỊCH"),
                line(460, 200, "-", "Như", "trên;"),
                line(460, 1400, "PHÓ", "CHỦ", "TỊCH"));
        assertEquals(List.of(
                "TỔNG LĐLĐ VIỆT NAM", "LĐLĐ TỈNH BÌNH PHƯỚC", "Số: 30/TTr-LĐLĐ",
                "CỘNG HÒA XÃ HỘI", "Độc lập - Tự do", "Bù Đốp, ngày 11",
                "TỜ TRÌNH",
                "Thực hiện Công văn số 1637/LĐLĐ-TG ngày 30/12/2020 của Liên đoàn Lao động tỉnh về việc",
                "Nơi nhận:", "- Như trên;", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), text(ReadingOrder.order(lines)));
    }

    @Test
    void tableRowsAreReadLeftToRight() {
        List<List<Word>> lines = List.of(
                line(0, 100, "Dự", "toán", "kinh", "phí", "cụ", "thể", "như", "sau:", "một", "hai", "ba", "bốn",
                        "năm", "sáu", "bảy", "tám", "chín", "mười"),
                line(60, 100, "1"), line(62, 300, "Chi", "khác"), line(58, 1200, "130"), line(61, 1600, "26.000.000"),
                line(120, 100, "2"), line(121, 300, "Văn", "phòng", "phẩm"), line(119, 1200, "119"),
                line(200, 100, "Kính", "đề", "nghị", "Liên", "đoàn", "Lao", "động", "tỉnh", "quan", "tâm", "xem",
                        "xét", "hỗ", "trợ", "./."));
        List<String> text = text(ReadingOrder.order(lines));
        assertEquals("1 Chi khác 130 26.000.000", text.get(1));
        assertEquals("2 Văn phòng phẩm 119", text.get(2));
    }

    @Test
    void aWrappedCellIsReadInItsCellNotAfterItsRow() {
        List<List<Word>> lines = List.of(
                line(0, 100, "Kết", "quả", "thu", "nộp", "kinh", "phí", "công", "đoàn", "của", "các", "đơn", "vị",
                        "trực", "thuộc", "như", "sau:"),
                line(60, 100, "CĐCS", "Trường", "Tiểu", "học", "Lê", "Quý"), line(60, 1100, "233.000.000"),
                line(60, 1500, "83,9"),
                line(102, 100, "Đôn"),
                line(170, 100, "CĐCS", "Trường", "THPT", "Hoa", "Sen"), line(170, 1100, "222.000.000"),
                line(170, 1500, "100,3"),
                line(260, 100, "Đề", "nghị", "các", "đơn", "vị", "nộp", "đủ", "kinh", "phí", "trước", "ngày", "31",
                        "tháng", "12"));
        List<String> text = text(ReadingOrder.order(lines));
        assertEquals("CĐCS Trường Tiểu học Lê Quý Đôn 233.000.000 83,9", text.get(1));
        assertEquals("CĐCS Trường THPT Hoa Sen 222.000.000 100,3", text.get(2));
    }

    @Test
    void aTwoColumnTableAtTheFootOfAPageIsReadRowByRowNotAsAFooter() {
        List<List<Word>> lines = List.of(
                line(0, 500, "DANH", "SÁCH", "NHÂN", "SỰ", "BAN", "CHẤP", "HÀNH", "KHÓA", "MỚI", "NHIỆM", "KỲ"),
                line(60, 100, "1", "Ngô", "Quốc", "Thắng"), line(62, 1100, "Chủ", "tịch,", "LĐLĐ", "thị", "xã"),
                line(120, 100, "2", "Phan", "Quốc", "Long"), line(122, 1100, "Ủy", "viên,", "LĐLĐ", "huyện"),
                line(180, 100, "3", "Hoàng", "Thùy"), line(182, 1100, "Ủy", "viên,", "LĐLĐ", "huyện"),
                line(240, 100, "4", "Đỗ", "Thành"), line(242, 1100, "Phó", "Chủ", "tịch"));
        List<String> text = text(ReadingOrder.order(lines));
        assertEquals("1 Ngô Quốc Thắng Chủ tịch, LĐLĐ thị xã", text.get(1));
        assertEquals("4 Đỗ Thành Phó Chủ tịch", text.get(4));
    }

    @Test
    void signatureStrokesReadAsATallWordDoNotMergeTheLinesBesideThem() {
        List<Word> strokes = List.of(new Word("//Đ2", 1300, 440, 300, 150, 20, 0));
        List<List<Word>> lines = List.of(
                line(0, 200, "Trên", "đây", "là", "nội", "dung", "báo", "cáo", "kết", "quả", "công", "tác", "năm"),
                line(400, 200, "Nơi", "nhận:"), line(400, 1300, "TM.", "BAN", "THƯỜNG", "VỤ"),
                line(460, 200, "-", "LĐLĐ", "tỉnh;"), strokes,
                line(520, 200, "-", "Lưu:", "VT."),
                line(700, 1300, "Phan", "Thanh", "Thảo"));
        List<String> text = text(ReadingOrder.order(lines));
        assertEquals(List.of("Nơi nhận:", "- LĐLĐ tỉnh;", "- Lưu: VT."), text.subList(1, 4), text.toString());
    }

    @Test
    void aParagraphLinePartedByAWideGapIsNoTableRow() {
        // CV121 p.1 in black and white: a wide gap before "Sợi" parted the line, and the paragraph's
        // next line was read inside it as a wrapped table cell.
        List<Word> parted = new ArrayList<>(line(60, 100, "tại", "10", "công", "đoàn", "cơ", "sở,", "trong", "đó", "có",
                "Công", "đoàn", "cơ", "sở", "Công", "ty", "TNHH"));
        parted.addAll(line(60, 1650, "Sợi", "Minh", "Trí;", "thời"));
        List<List<Word>> lines = List.of(
                line(0, 100, "1.", "Kiểm", "tra", "tài", "chính", "công", "đoàn", "cơ", "sở:", "Kiểm", "tra", "việc",
                        "thu,", "chi,", "quản", "lý", "tài", "chính", "tại", "các", "đơn", "vị"),
                parted,
                line(115, 100, "gian", "kiểm", "tra", "mỗi", "đơn", "vị", "không", "quá", "02", "ngày", "làm", "việc."),
                line(175, 100, "2.", "Công", "đoàn", "cơ", "sở", "được", "sử", "dụng", "75%", "số", "kinh", "phí", "công",
                        "đoàn", "thu", "được;", "25%", "nộp", "lên", "cấp", "trên"));
        List<String> text = text(ReadingOrder.order(lines));
        assertEquals("tại 10 công đoàn cơ sở, trong đó có Công đoàn cơ sở Công ty TNHH Sợi Minh Trí; thời", text.get(1));
        assertEquals("gian kiểm tra mỗi đơn vị không quá 02 ngày làm việc.", text.get(2));
    }

    @Test
    void aLoneSpeckBetweenColumnsDoesNotJoinThem() {
        List<Word> line = new ArrayList<>(line(0, 200, "Nơi", "nhận:"));
        line.add(new Word("'", 800, 0, 10, 20, 30, 0));
        line.addAll(line(0, 1400, "TM.", "BAN", "THƯỜNG", "VỤ"));
        assertEquals(2, ReadingOrder.split(line).size());
    }

    @Test
    void twoLinesASlantBringsCloseStayTwoLinesInTheirOrder() {
        // Scan2016 p.1 turned and skewed: a paragraph's short last line, indented less, reached up
        // into the height of the line above it and was read first.
        List<List<Word>> lines = List.of(
                line(0, 150, "-", "Đề", "nghị", "Liên", "đoàn", "Lao", "động", "tỉnh", "xem", "xét", "khen", "thưởng",
                        "kịp", "thời", "các", "tập", "thể,", "cá"),
                line(15, 100, "nhân", "tiêu", "biểu", "để", "động", "viên", "phong", "trào."));
        assertEquals(List.of("- Đề nghị Liên đoàn Lao động tỉnh xem xét khen thưởng kịp thời các tập thể, cá",
                "nhân tiêu biểu để động viên phong trào."), text(ReadingOrder.order(lines)));
    }

    @Test
    void aRuleReadAsALetterBetweenColumnsDoesNotJoinThem() {
        // The short rule under the issuer's name, read as "m" (scan_0362 turned by 2.5 degrees).
        List<Word> line = new ArrayList<>(line(0, 200, "LĐLĐ", "TỈNH", "BÌNH", "PHƯỚC"));
        line.add(new Word("m", 1000, 55, 28, 3, 0, 0));
        line.addAll(line(0, 1400, "Độc", "lập", "-", "Tự", "do"));
        assertEquals(List.of("LĐLĐ TỈNH BÌNH PHƯỚC", "Độc lập - Tự do"),
                ReadingOrder.split(line).stream().map(ReadingOrder.Segment::text).toList());
    }

    @Test
    void aLineOfToneMarksPartedFromTheirLettersIsNoText() {
        // 20240528 p.2 in black and white at 200 dpi: the marks over a table row read as a line of their own.
        List<Word> marks = List.of(new Word("Ha", 950, 45, 15, 9, 60, 0), new Word("và", 1102, 47, 25, 14, 32, 0),
                new Word("2", 1474, 49, 6, 5, 75, 0), new Word("to", 1833, 45, 22, 18, 34, 0));
        List<List<Word>> lines = List.of(
                line(0, 100, "TT", "Đơn", "vị", "Văn", "bản", "đến"),
                marks,
                line(60, 100, "1", "LĐLĐ", "thành", "phố", "Đồng", "Xoài", "2.043"));
        assertEquals(List.of("TT Đơn vị Văn bản đến", "1 LĐLĐ thành phố Đồng Xoài 2.043"), text(ReadingOrder.order(lines)));
    }

    /** Words of one line, each 20 pixels per letter wide with a 15-pixel space. */
    private static List<Word> line(int top, int left, String... words) {
        List<Word> line = new ArrayList<>();
        int x = left;
        for (String word : words) {
            int width = word.length() * 20;
            line.add(new Word(word, x, top, width, H, 90, 0));
            x += width + 15;
        }
        return line;
    }

    private static List<String> text(List<List<ReadingOrder.Segment>> ordered) {
        return ordered.stream().map(l -> String.join(" ", l.stream().map(ReadingOrder.Segment::text).toList())).toList();
    }
}
