package vn.sohoa.pipeline.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.sohoa.core.document.AdministrativeMetadata;
import vn.sohoa.core.document.Page;

class AdministrativeReaderTest {

    private static final String TO_TRINH = String.join("\n",
            "LĐLĐ TỈNH BÌNH PHƯỚC", "LĐLĐ HUYỆN BÙ ĐỐP", "Số: 30 / TTr - LĐÐLĐ",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bù Đốp, ngày 11 tháng 6 năm 2021",
            "TỜ TRÌNH", "Về việc đề nghị hỗ trợ kinh phí tổ chức Tháng Công nhân", "năm 2021",
            "Kính gửi: Thường trực Liên đoàn Lao động tỉnh.", "Kính đề nghị Liên đoàn Lao động tỉnh xem xét./.",
            "Nơi nhận:", "- Như kính gửi;", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trương Quốc Hưng");

    @Test
    void readsTheHeaderTitleAndSignatureBlock() {
        AdministrativeMetadata m = AdministrativeReader.read(List.of(Page.textLayer(1, TO_TRINH)));
        assertEquals("30/TTr-LĐLĐ", value(m.documentNumber()));
        assertEquals("30", value(m.codeNumber()));
        assertEquals("TTr-LĐLĐ", value(m.codeNotation()));
        assertEquals("Tờ trình", value(m.documentType()));
        assertEquals("15", value(m.typeCode()));
        assertEquals("2021-06-11", value(m.issuedDate()));
        assertEquals("Bù Đốp", value(m.place()));
        assertEquals("LĐLĐ TỈNH BÌNH PHƯỚC", value(m.parentOrg()));
        assertEquals("LĐLĐ HUYỆN BÙ ĐỐP", value(m.issuer()));
        assertEquals("Về việc đề nghị hỗ trợ kinh phí tổ chức Tháng Công nhân năm 2021", value(m.subject()));
        assertEquals("KT. CHỦ TỊCH", value(m.signingAuthority()));
        assertEquals("PHÓ CHỦ TỊCH", value(m.signerTitle()));
        assertEquals("Trương Quốc Hưng", value(m.signer()));
        assertEquals(List.of("Như kính gửi", "Lưu: VT"), m.recipients());
        assertEquals(1, m.documentNumber().page());
        assertEquals(3, m.documentNumber().line());
        assertNull(m.confidentiality());
        assertNull(m.urgency());
    }

    @Test
    void aLetterWithoutTitleIsACongVanWithItsSubjectAfterVv() {
        String letter = String.join("\n", "LĐLĐ TỈNH BÌNH PHƯỚC", "CÔNG ĐOÀN NGÀNH GIÁO DỤC", "Số: 121/CĐN",
                "V/v đôn đốc thu nộp kinh phí công", "đoàn năm 2015", "KHẨN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Bình Phước, ngày 02 tháng 3 năm 2015", "Kính gửi: Ban Chấp hành công đoàn cơ sở.");
        AdministrativeMetadata m = AdministrativeReader.read(List.of(Page.textLayer(1, letter)));
        assertEquals("Công văn", value(m.documentType()));
        assertEquals("22", value(m.typeCode()));
        assertEquals("đôn đốc thu nộp kinh phí công đoàn năm 2015", value(m.subject()));
        assertEquals("KHẨN", value(m.urgency()));
        assertEquals("CÔNG ĐOÀN NGÀNH GIÁO DỤC", value(m.issuer()));
    }

    @Test
    void anIssuerWrappedOverTwoLinesIsOneName() {
        String header = String.join("\n", "LIÊN ĐOÀN LAO ĐỘNG TỈNH", "BÌNH PHƯỚC", "Số: 97/BC-LĐLĐ", "BÁO CÁO",
                "Sơ kết công tác");
        AdministrativeMetadata m = AdministrativeReader.read(List.of(Page.textLayer(1, header)));
        assertEquals("LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH PHƯỚC", value(m.issuer()));
        assertNull(m.parentOrg());
    }

    @Test
    void specksAroundTheNumberAndOrganisationsAndTinhMisreadAreTidied() {
        String header = String.join("\n", "TỔNG LĐLĐ VIỆT NAM '", "LIÊN ĐOÀN LAO ĐỘNG TÍNH", "BÌNH PHƯỚC",
                ".Số: 48/TB-LĐLĐ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "THÔNG BÁO", "Kết quả đăng ký học tập");
        AdministrativeMetadata m = AdministrativeReader.read(List.of(Page.textLayer(1, header)));
        assertEquals("48/TB-LĐLĐ", value(m.documentNumber()));
        assertEquals("LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH PHƯỚC", value(m.issuer()));
        assertEquals("TỔNG LĐLĐ VIỆT NAM", value(m.parentOrg()));
    }

    @Test
    void aTypeAbbreviationWithOneLetterMisreadIsSetRightByTheTitle() {
        String header = String.join("\n", "LĐLĐ TỈNH BÌNH PHƯỚC", "LĐLĐ HUYỆN BÙ ĐỐP", "Số: 30/TIr-LĐLĐ", "TỜ TRÌNH",
                "Về việc đề nghị hỗ trợ kinh phí");
        AdministrativeMetadata m = AdministrativeReader.read(List.of(Page.textLayer(1, header)));
        assertEquals("30/TTr-LĐLĐ", value(m.documentNumber()));
        assertEquals("TTr-LĐLĐ", value(m.codeNotation()));

        String other = String.join("\n", "LĐLĐ TỈNH BÌNH PHƯỚC", "Số: 31/KH-LĐLĐ", "TỜ TRÌNH", "Về việc khác");
        assertEquals("31/KH-LĐLĐ", value(AdministrativeReader.read(List.of(Page.textLayer(1, other))).documentNumber()),
                "a notation that names another type is left as written");
    }

    @Test
    void aSignerIsAWholeNameWithMarksAroundItDroppedAndItsFamilyNameSetRight() {
        assertEquals("Trần Mỹ Hạnh", value(signer("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Ẻ", "77117", "_Trần Mỹ Hạnh")));
        assertEquals("Vũ Minh Dũng", value(signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "\"Vữ Minh Dũng")));
        assertEquals("Đinh Quốc Vinh", value(signer("TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", "Đỉnh Quốc Vinh")));
        assertEquals("Phạm Thị Hồng Ánh", value(signer("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "SỐ Phạm Thị Hồng Ánh")));
        assertTrue(signer("TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", "Đỉnh Quốc Vinh").confidence()
                < signer("TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", "Đinh Quốc Vinh").confidence(), "a name set right is less sure");
    }

    @Test
    void signingWordsMisreadInTheirDiacriticsAreSetRight() {
        String page = String.join("\n", "Kính đề nghị xem xét./.", "Nơi nhận:", "- Lưu: VT.", "TM. BẠN THƯƠNG VỤ",
                "__ PHÓ CHỦ TICH", "Điểu Xuân Phong");
        AdministrativeMetadata m = AdministrativeReader.read(List.of(Page.textLayer(1, page)));
        assertEquals("TM. BAN THƯỜNG VỤ", value(m.signingAuthority()));
        assertEquals("PHÓ CHỦ TỊCH", value(m.signerTitle()));
        assertEquals("Điểu Xuân Phong", value(m.signer()));
    }

    @Test
    void givenNamesLeftWhenTheSealHidTheFamilyNameAreNoSignerButAreKept() {
        assertNull(signer("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Xuân Nghĩa"));
        assertEquals("Xuân Nghĩa", value(partialSigner("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Xuân Nghĩa")));
        assertNull(signer("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Thị Hồng Ánh"));
        assertEquals("Thị Hồng Ánh", value(partialSigner("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "w", "PhawZThị Hồng Ánh")),
                "a name word run into the stroke before it");
        assertEquals("Mỹ Hạnh", value(partialSigner("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "XS Đrâø Mỹ Hạnh")));
        assertNull(partialSigner("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Trần Mỹ Hạnh"), "a whole name is no partial one");
        assertNull(partialSigner("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "ổng Hưng"), "one given name tells too little");
    }

    @Test
    void givenNamesUnderACapitalsLineEndingThePageAreKeptWithoutTakingTheCapitalsForATitle() {
        String page = String.join("\n", "Kính đề nghị xem xét./.", "Nơi nhận:", "- Lưu: VT, ToC.", "CHỦ TỊCH", "Mỹ Hạnh");
        AdministrativeMetadata m = AdministrativeReader.read(List.of(Page.textLayer(1, page)));
        assertNull(m.signer());
        assertEquals("Mỹ Hạnh", value(m.partialSigner()));
        assertNull(m.signerTitle(), "the capitals may be the end of an unread authority line");
        assertEquals(List.of("Lưu: VT, ToC"), m.recipients());
    }

    @Test
    void inAMinuteTheSignerIsTheRightBlockNotTheLeft() {
        String minute = String.join("\n", "BIÊN BẢN", "Kiểm tra hồ sơ", "Biên bản kết thúc hồi 16 giờ./.",
                "ĐẠI DIỆN ĐƠN VỊ", "Điểu Mỹ Quyên", "TRƯỞNG ĐOÀN KIỂM TRA", "Đỗ Phương Ánh");
        AdministrativeMetadata m = AdministrativeReader.read(List.of(Page.textLayer(1, minute)));
        assertEquals("Đỗ Phương Ánh", value(m.signer()));
        assertEquals("TRƯỞNG ĐOÀN KIỂM TRA", value(m.signerTitle()));

        String nameUnread = minute.substring(0, minute.lastIndexOf('\n'));
        AdministrativeMetadata unread = AdministrativeReader.read(List.of(Page.textLayer(1, nameUnread)));
        assertNull(unread.signer(), "the left block's name is not the signer's");
        assertEquals("TRƯỞNG ĐOÀN KIỂM TRA", value(unread.signerTitle()));
    }

    private static AdministrativeMetadata.Field signer(String... block) {
        String page = String.join("\n", "Kính đề nghị Liên đoàn Lao động tỉnh xem xét./.", "Nơi nhận:", "- Lưu: VT.")
                + "\n" + String.join("\n", block);
        return AdministrativeReader.read(List.of(Page.textLayer(1, page))).signer();
    }

    private static AdministrativeMetadata.Field partialSigner(String... block) {
        String page = String.join("\n", "Kính đề nghị Liên đoàn Lao động tỉnh xem xét./.", "Nơi nhận:", "- Lưu: VT.")
                + "\n" + String.join("\n", block);
        return AdministrativeReader.read(List.of(Page.textLayer(1, page))).partialSigner();
    }

    @Test
    void nothingIsInventedFromPlainText() {
        AdministrativeMetadata m = AdministrativeReader.read(List.of(Page.textLayer(1, "Ghi chú họp chi bộ\nkhông có gì")));
        assertNull(m.documentNumber());
        assertNull(m.documentType());
        assertNull(m.issuedDate());
        assertNull(m.signer());
        assertNull(m.partialSigner());
    }

    private static String value(AdministrativeMetadata.Field field) {
        return AdministrativeMetadata.valueOf(field);
    }

    @Test
    void aSecrecyStampReadWithoutItsDiacriticsCountsAsTheMarkItFoldsTo() {
        String header = "LĐLĐ TỈNH BÌNH PHƯỚC\n%s\nSố: 12/BC-LĐLĐ\nBình Phước, ngày 9 tháng 9 năm 2020\nBÁO CÁO\n"
                + "Về tình hình công tác cán bộ\nKính gửi: Thường trực.";
        AdministrativeMetadata doubtful = AdministrativeReader.read(List.of(Page.textLayer(1, String.format(header, "MAT"))));
        assertEquals("MẬT", doubtful.confidentiality().value());
        assertTrue(doubtful.confidentiality().confidence() < 0.9, "flagged for an archivist");
        AdministrativeMetadata toiMat = AdministrativeReader.read(List.of(Page.textLayer(1, String.format(header, "TỐI MẶT"))));
        assertEquals("TỐI MẬT", toiMat.confidentiality().value());
        AdministrativeMetadata sure = AdministrativeReader.read(List.of(Page.textLayer(1, String.format(header, "MẬT"))));
        assertEquals(0.9, sure.confidentiality().confidence());
        AdministrativeMetadata none = AdministrativeReader.read(List.of(Page.textLayer(1, String.format(header,
                "LĐLĐ HUYỆN BÙ ĐỐP"))));
        assertNull(none.confidentiality());
    }
}
