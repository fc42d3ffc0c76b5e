package vn.sohoa.pipeline.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.sohoa.core.document.AdministrativeMetadata;
import vn.sohoa.core.document.Page;
import vn.sohoa.core.document.Word;

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
    void aNameWordReadInCapitalsOrWithItsFirstLetterPartedIsWrittenAsTheNameIs() {
        assertEquals("Nguyễn Thị Ngọc Phượng",
                value(signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn THỊ N gọc Phượng")));
        assertEquals("Nguyễn Thị Ngọc Phượng",
                value(signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn THỊN gọc Phượng")), "the space a letter off");
        assertNull(signer("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "N gọc Phượng"), "a name still needs its family name");
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
    void aSignersTitleReadOnlyAtItsEndIsTheWholeTitleButNotSure() {
        assertEquals("CHỦ TỊCH", value(title("TM. BAN THƯỜNG VỤ", "TỊCH", "Lê Văn Hòa")));
        assertEquals("CHỦ TỊCH", value(title("TM. BAN THƯỜNG VỤ", "Ủ TỊCH", "Lê Văn Hòa")));
        assertEquals("CHỦ TỊCH", value(title("TM. BAN CHẤP HÀNH", "À TỊCH", "Lê Văn Hòa")), "a letter of the first word read otherwise");
        assertEquals("PHÓ CHỦ TỊCH", value(title("KT. CHỦ TỊCH", "TỊCH CN", "Lê Văn Hòa")),
                "signing for the head: the deputy; a speck read as letters after the title dropped");
        assertEquals("PHÓ CHỦ TỊCH", value(title("KT. CHỦ TỊCH", "Ó CHỦ TỊCH", "Lê Văn Hòa")));
        assertEquals("CHỦ TỊCH", value(title("TM. BAN THƯỜNG VỤ", "CHỦTỊCH", "Lê Văn Hòa")), "words run together");
        assertEquals(0.6, title("TM. BAN THƯỜNG VỤ", "TỊCH", "Lê Văn Hòa").confidence());
        assertEquals("PHÓ CHỦ TỊCH", value(title("TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", "Lê Văn Hòa")), "a whole title as read");
        assertEquals(0.8, title("TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", "Lê Văn Hòa").confidence());
        assertEquals("PHÓ CHỦ TỊCH THƯỜNG TRỰC", value(title("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "Lê Văn Hòa")),
                "a title the list does not have is left as read");
    }

    @Test
    void anAuthorityLineThatLostItsTmOrKtIsToldByWhatItNames() {
        AdministrativeMetadata deputy = block("CHỦ TỊCH", "TỊCH", "Lê Văn Hòa");
        assertEquals("KT. CHỦ TỊCH", value(deputy.signingAuthority()), "a head's title above the end of its deputy's");
        assertEquals("PHÓ CHỦ TỊCH", value(deputy.signerTitle()));
        assertTrue(deputy.signingAuthority().confidence() < 0.9 && deputy.signerTitle().confidence() < 0.9);
        AdministrativeMetadata collective = block("BAN THƯỜNG VỤ", "CHỦ TỊCH", "Lê Văn Hòa");
        assertEquals("TM. BAN THƯỜNG VỤ", value(collective.signingAuthority()), "a collective body is signed for");
        assertEquals("CHỦ TỊCH", value(collective.signerTitle()));
        assertEquals("TM. BAN CHẤP HÀNH", value(block("BAN CHẤP HÀNH", "Lê Văn Hòa").signingAuthority()));
        AdministrativeMetadata head = block("CHỦ TỊCH", "Lê Văn Hòa");
        assertNull(head.signingAuthority(), "a head signing in its own name");
        assertEquals("CHỦ TỊCH", value(head.signerTitle()));
        assertNull(block("GIÁM ĐỐC", "THƯ KÝ", "Lê Văn Hòa").signingAuthority(), "no deputy's title under the head's");
    }

    private static AdministrativeMetadata block(String... block) {
        String page = "Kính đề nghị xem xét./.\nNơi nhận:\n- Lưu: VT.\n" + String.join("\n", block);
        return AdministrativeReader.read(List.of(Page.textLayer(1, page)));
    }

    @Test
    void aSpeckBeforeTheSigningAuthorityDoesNotHideIt() {
        String page = String.join("\n", "Kính đề nghị xem xét./.", "Nơi nhận:", "- Lưu: VT.", ".TM. BAN THƯỜNG VỤ",
                "PHÓ CHỦ TỊCH", "Đỗ Đình Lâm");
        AdministrativeMetadata m = AdministrativeReader.read(List.of(Page.textLayer(1, page)));
        assertEquals("TM. BAN THƯỜNG VỤ", value(m.signingAuthority()));
        assertEquals("PHÓ CHỦ TỊCH", value(m.signerTitle()));
        assertEquals("Đỗ Đình Lâm", value(m.signer()));
    }

    private static AdministrativeMetadata.Field title(String... lines) {
        return block(lines).signerTitle();
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
        assertNull(partialSigner("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Hưng"), "one given name tells too little");
    }

    @Test
    void oneGivenNameAfterTheEndOfAWordTheSealCutIsKeptWithThatEnd() {
        assertNull(signer("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "hu Phượng"));
        assertEquals("hu Phượng", value(partialSigner("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "hu Phượng")),
                "the register knows whose name holds \"hu Phượng\" (Lý Thu Phượng)");
        assertEquals("ổng Hưng", value(partialSigner("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "ổng Hưng")));
        assertNull(partialSigner("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "u Phượng"), "one letter tells too little");
        assertNull(partialSigner("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "gửi bà Phượng"), "words before it: no cut word");
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

    /** The text as OCR would give it: each word read at this confidence. */
    private static Page ocred(String text, float confidence) {
        List<Word> words = new java.util.ArrayList<>();
        String[] lines = text.split("\n");
        for (int l = 0; l < lines.length; l++) {
            for (String word : lines[l].split("\\s+")) {
                words.add(new Word(word, 10 * words.size(), 30 * l, 10, 20, confidence, l));
            }
        }
        return new Page(1, text, Page.OCR, confidence, 0, 1000, 1400, words);
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

    @Test
    void theHeadersTwoColumnsReadAsOneLineAreSetApart() {
        String header = String.join("\n", "LĐLĐ HUYỆN HỚN QUẢN ˆ GỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "CĐCS CÔNG TY TNHH GẠCH MEN AN PHÚ Độc lập - Tự do - Hạnh phúc",
                "Số: 07/BC-CĐCS [MẬT Hớn Quản, ngày 03 tháng 9 năm 2023", "BÁO CÁO", "Công tác nữ công năm 2023",
                "Thực hiện Kế hoạch số 12/KH-CĐCS của Ban Chấp hành.");
        AdministrativeMetadata m = AdministrativeReader.read(List.of(Page.textLayer(1, header)));
        assertEquals("07/BC-CĐCS", value(m.documentNumber()));
        assertEquals("2023-09-03", value(m.issuedDate()));
        assertEquals("Hớn Quản", value(m.place()));
        assertEquals("LĐLĐ HUYỆN HỚN QUẢN", value(m.parentOrg()));
        assertEquals("CĐCS CÔNG TY TNHH GẠCH MEN AN PHÚ", value(m.issuer()));
        assertEquals("MẬT", value(m.confidentiality()));
    }

    @Test
    void aNumberWithItsSlashLostOrASpeckAfterSoIsRead() {
        String lost = String.join("\n", "LĐLĐ TỈNH BÌNH PHƯỚC", "BAN CHẤP HÀNH", "Số: 21NQ-LĐLĐ", "NGHỊ QUYẾT", "Hội nghị");
        AdministrativeMetadata m = AdministrativeReader.read(List.of(Page.textLayer(1, lost)));
        assertEquals("21/NQ-LĐLĐ", value(m.documentNumber()));
        assertEquals("BAN CHẤP HÀNH", value(m.issuer()), "the number line is no part of the issuer");
        String speck = String.join("\n", "TỔNG LĐLĐ VIỆT NAM", "LĐLĐ TỈNH BÌNH PHƯỚC", "Số:.33/KH-LĐLĐ -",
                "- Bình Phước, ngày 02 tháng 3 năm 2022:", "KẾ HOẠCH", "Tháng Công nhân năm 2022");
        AdministrativeMetadata n = AdministrativeReader.read(List.of(Page.textLayer(1, speck)));
        assertEquals("33/KH-LĐLĐ", value(n.documentNumber()));
        assertEquals("Bình Phước", value(n.place()));
        assertEquals("LĐLĐ TỈNH BÌNH PHƯỚC", value(n.issuer()));
        String twoLetters = String.join("\n", "LĐLĐ THỊ XÃ BÌNH LONG", "Số: 52/Ti-LĐLĐ", "TỜ TRÌNH", "Về việc kinh phí");
        assertEquals("52/TTr-LĐLĐ", value(AdministrativeReader.read(List.of(Page.textLayer(1, twoLetters))).documentNumber()));
    }

    @Test
    void anIssuersLastWordCutShortWhereItNamesThePlaceIsThePlacesWord() {
        String header = String.join("\n", "LĐLĐ TỈNH BÌNH PHƯỚC", "LĐLĐ HUYỆN BÙ ĐỐ", "Số: 30/TTr-LĐLĐ",
                "Bù Đốp, ngày 11 tháng 6 năm 2021", "TỜ TRÌNH", "Về việc đề nghị hỗ trợ kinh phí");
        AdministrativeMetadata m = AdministrativeReader.read(List.of(ocred(header, 95)));
        assertEquals("LĐLĐ HUYỆN BÙ ĐỐP", value(m.issuer()));
        assertTrue(m.issuer().confidence() < 0.9, "completed, not read: flagged");
        String whole = header.replace("BÙ ĐỐ\n", "BÙ ĐỐP\n");
        assertEquals("LĐLĐ HUYỆN BÙ ĐỐP", value(AdministrativeReader.read(List.of(ocred(whole, 95))).issuer()));
        String other = header.replace("BÙ ĐỐ\n", "HỚN QUẢN\n");
        assertEquals("LĐLĐ HUYỆN HỚN QUẢN", value(AdministrativeReader.read(List.of(ocred(other, 95))).issuer()),
                "an issuer not named after the place is left as read");
    }

    @Test
    void anIssuerUnderItsParentKeepsThemApartWhateverSpecksOrRunTogetherWordsOcrLeft() {
        String header = String.join("\n", "TỔNG LĐLĐ VIỆTNAM", ".LĐLĐ TỈNH ĐỒNG NAI", "Số: 61/TB-LĐLĐ",
                "Đồng Nai, ngày 05 tháng 8 năm 2025", "THÔNG BÁO", "Lịch tiếp công dân");
        AdministrativeMetadata m = AdministrativeReader.read(List.of(Page.textLayer(1, header)));
        assertEquals("TỔNG LĐLĐ VIỆT NAM", value(m.parentOrg()));
        assertEquals("LĐLĐ TỈNH ĐỒNG NAI", value(m.issuer()));
        assertTrue(m.issuer().confidence() >= 0.9, "well formed, under its parent, ending with the place");
        String dash = String.join("\n", "LĐLĐ TỈNH BÌNH PHƯỚC", "- LIÊN ĐOÀN LAO ĐỘNG HUYỆN", "LỘC NINH", "Số: 15/TB-LĐLĐ",
                "THÔNG BÁO", "Lịch trực");
        AdministrativeMetadata d = AdministrativeReader.read(List.of(Page.textLayer(1, dash)));
        assertEquals("LĐLĐ TỈNH BÌNH PHƯỚC", value(d.parentOrg()));
        assertEquals("LIÊN ĐOÀN LAO ĐỘNG HUYỆN LỘC NINH", value(d.issuer()));
    }

    @Test
    void anIssuerMisreadInItsDiacriticsIsSpelledAsTheBodySpellsIt() {
        String page = String.join("\n", "LĐLĐ TỈNH BÌNH PHƯỚC", "BAN THƯƠNG VỤ", "Số: 08/BB-LĐLĐ", "BIÊN BẢN",
                "Kiểm tra công tác tài chính", "Hôm nay, Ban Thường vụ Liên đoàn Lao động tỉnh tổ chức kiểm tra.");
        assertEquals("BAN THƯỜNG VỤ", value(AdministrativeReader.read(List.of(Page.textLayer(1, page))).issuer()));
    }

    @Test
    void aSubjectRunsOverItsLinesUpToTheBody() {
        String page = String.join("\n", "LĐLĐ HUYỆN ĐỒNG PHÚ", "Số: 09/BB-LĐLĐ", "BIÊN BẢN",
                "Kiểm tra công tác an toàn, vệ sinh lao động tại Công ty", "'TNHH Chế biến Gỗ Minh Tâm",
                "Thực hiện chương trình công tác, đoàn kiểm tra làm việc tại Công ty.");
        assertEquals("Kiểm tra công tác an toàn, vệ sinh lao động tại Công ty TNHH Chế biến Gỗ Minh Tâm",
                value(AdministrativeReader.read(List.of(Page.textLayer(1, page))).subject()));
        String person = String.join("\n", "LĐLĐ THỊ XÃ BÌNH LONG", "Số: 14/GM-LĐLĐ", "GIẤY MỜI",
                "Dự Lễ trao tặng \"Mái ấm Công đoàn\" cho đoàn viên Nguyễn", "Văn Hòa",
                "Thường trực LĐLĐ thị xã kính mời:");
        assertEquals("Dự Lễ trao tặng \"Mái ấm Công đoàn\" cho đoàn viên Nguyễn Văn Hòa",
                value(AdministrativeReader.read(List.of(Page.textLayer(1, person))).subject()));
        String oneLine = String.join("\n", "LĐLĐ TỈNH BÌNH PHƯỚC", "Số: 3/TB-LĐLĐ", "THÔNG BÁO",
                "Lịch nghỉ Tết Nguyên đán năm 2024", "Ban Thường vụ thông báo để các đơn vị biết.");
        assertEquals("Lịch nghỉ Tết Nguyên đán năm 2024",
                value(AdministrativeReader.read(List.of(Page.textLayer(1, oneLine))).subject()));
    }

    @Test
    void aSubjectsFixedPhrasesAreSpelledRightAndNotSure() {
        String page = String.join("\n", "LĐLĐ TỈNH BÌNH PHƯỚC", "Số: 12/QĐ-LĐLĐ", "QUYẾT ĐỊNH",
                "Về việc giao dự toán thu, chỉ tài chính công đoàn năm 2025", "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH");
        AdministrativeMetadata.Field subject = AdministrativeReader.read(List.of(Page.textLayer(1, page))).subject();
        assertEquals("Về việc giao dự toán thu, chi tài chính công đoàn năm 2025", value(subject));
        assertTrue(subject.confidence() < 0.9, "set right, not read");
    }

    @Test
    void aSubjectsQuotesSpecksAndLineBreakDashAreTidied() {
        String page = String.join("\n", "LĐLĐ TỈNH BÌNH PHƯỚC", "Số: 40/KH-LĐLĐ", "KẾ HOẠCH",
                "Phát động phong trào “Sáng kiến. công nhân” trong người lao -", "động năm 2022 :",
                "Căn cứ Chương trình công tác năm 2022.");
        assertEquals("Phát động phong trào \"Sáng kiến công nhân\" trong người lao động năm 2022",
                value(AdministrativeReader.read(List.of(Page.textLayer(1, page))).subject()));
    }

    @Test
    void aSubjectsWordMisreadInItsDiacriticsIsSpelledAsTheBodySpellsIt() {
        String page = String.join("\n", "LĐLĐ TỈNH BÌNH PHƯỚC", "Số: 18/QĐ-LĐLĐ", "QUYẾT ĐỊNH",
                "Về việc phân bổ dự toán thu, chỉ tài chính năm 2023",
                "Căn cứ dự toán thu, chi tài chính công đoàn năm 2023;",
                "Điều 1. Phân bổ dự toán thu, chi tài chính cho các đơn vị.");
        AdministrativeMetadata m = AdministrativeReader.read(List.of(Page.textLayer(1, page)));
        assertEquals("Về việc phân bổ dự toán thu, chi tài chính năm 2023", value(m.subject()));
        assertTrue(m.subject().confidence() < 0.9, "a word set right is not sure");
        String once = String.join("\n", "LĐLĐ TỈNH BÌNH PHƯỚC", "Số: 19/TB-LĐLĐ", "THÔNG BÁO",
                "Phân công nhiệm vụ Ban Tổ chức Hội thao", "Trên đây là thông báo phần công nhiệm vụ Ban Tổ chức.",
                "Các đồng chí được phân công thực hiện.");
        assertEquals("Phân công nhiệm vụ Ban Tổ chức Hội thao",
                value(AdministrativeReader.read(List.of(Page.textLayer(1, once))).subject()),
                "the body's misreading does not win over a word the record spells as read elsewhere");
    }

    @Test
    void aSubjectsWordTesseractWasSureOfIsKeptWhateverTheBodyMisread() {
        String page = String.join("\n", "LĐLĐ TỈNH BÌNH PHƯỚC", "Số: 25/KH-LĐLĐ", "KẾ HOẠCH",
                "Ứng dụng chuyển đổi số trong công tác văn thư năm 2023", "Căn cứ kết quả chuyển đối số năm 2022;",
                "các đơn vị triển khai chuyển đối số trong công tác văn thư.");
        assertEquals("Ứng dụng chuyển đổi số trong công tác văn thư năm 2023",
                value(AdministrativeReader.read(List.of(ocred(page, 96))).subject()));
        assertEquals("Ứng dụng chuyển đối số trong công tác văn thư năm 2023",
                value(AdministrativeReader.read(List.of(ocred(page.replaceFirst("đổi", "đối"), 80))).subject()),
                "a word Tesseract doubted is spelled as the body spells it");
    }

    @Test
    void aSubjectIsSureOnlyWhenItsWordsStandSoElsewhereInTheRecord() {
        String attested = String.join("\n", "LĐLĐ TỈNH BÌNH PHƯỚC", "Số: 22/KH-LĐLĐ", "KẾ HOẠCH",
                "Tổ chức Tháng Công nhân năm 2024", "Căn cứ Chương trình công tác năm 2024;",
                "Ban Thường vụ ban hành Kế hoạch tổ chức Tháng Công nhân năm 2024.");
        assertTrue(AdministrativeReader.read(List.of(ocred(attested, 97))).subject().confidence() >= 0.9);
        String alone = attested.replace("Kế hoạch tổ chức Tháng Công nhân năm 2024", "các nội dung sau");
        assertTrue(AdministrativeReader.read(List.of(ocred(alone, 97))).subject().confidence() < 0.9,
                "Tesseract is as sure of a misread word of a subject as of the others: the record must confirm it");
        assertTrue(AdministrativeReader.read(List.of(Page.textLayer(1, alone))).subject().confidence() >= 0.9,
                "typed text has no misreading");
    }

    @Test
    void aSubjectEndingInAMarkReadAloneMayHaveLostItsLastWordAndIsNotSure() {
        String record = String.join("\n", "LĐLĐ TỈNH BÌNH PHƯỚC", "Số: 71/TB-LĐLĐ", "THÔNG BÁO",
                "Phân công chỉ đạo đại hội công đoàn cơ .", "Ban Thường vụ thông báo phân công chỉ đạo đại hội công đoàn cơ sở như sau:");
        AdministrativeMetadata.Field subject = AdministrativeReader.read(List.of(ocred(record, 97))).subject();
        assertEquals("Phân công chỉ đạo đại hội công đoàn cơ", value(subject));
        assertTrue(subject.confidence() < 0.9, "OCR read something it made no word of where \"sở\" stood");
        String whole = record.replace("công đoàn cơ .", "công đoàn cơ sở.");
        assertTrue(AdministrativeReader.read(List.of(ocred(whole, 97))).subject().confidence() >= 0.9,
                "a full stop after the last word is no lost word");
    }

    @Test
    void theSignerIsReadOffTheDocumentsOwnPageNotAnAppendixOrTheBody() {
        String main = String.join("\n", "Kính đề nghị các đơn vị thực hiện./.", "Về LĐLĐ thành phố",
                "Đồng Xoài.", "Nơi nhận:", "- Lưu: VT.", "TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Trịnh Văn Sơn");
        String appendix = String.join("\n", "DANH SÁCH ĐƠN VỊ", "(Kèm theo Kế hoạch số 31/KH-LĐLĐ ngày 20/3/2020)",
                "TT Đơn vị Số người", "1 LĐLĐ huyện Lộc Ninh 30", "2 CĐCS Công ty Cổ phần Chế biến Điều 95",
                "Hoàng Phúc");
        AdministrativeMetadata m = AdministrativeReader.read(List.of(Page.textLayer(1, main), Page.textLayer(2, appendix)));
        assertEquals("Trịnh Văn Sơn", value(m.signer()));
        String unnamed = main.replace("\nTM. BAN THƯỜNG VỤ\nCHỦ TỊCH\nTrịnh Văn Sơn", "");
        assertNull(AdministrativeReader.read(List.of(Page.textLayer(1, unnamed))).signer(), "a place is no signer");
    }

    @Test
    void givenNamesLeftUnderTheRecipientsAreKept() {
        String page = String.join("\n", "Đề nghị các đơn vị thực hiện./.", "Nơi nhận:", "- Như trên;", "- Lưu: VI; 1G.",
                "Hồng Nhung");
        assertEquals("Hồng Nhung", value(AdministrativeReader.read(List.of(Page.textLayer(1, page))).partialSigner()));
    }

    @Test
    void aSignersNameIsCheckedAgainstTheSameNameElsewhereInTheRecord() {
        String minute = String.join("\n", "BIÊN BẢN", "Họp tổ công tác", "1. Đồng chí Tạ Đình Khoa - chủ trì;",
                "2. Đồng chí Lê Thị Hoa - thư ký.", "Biên bản kết thúc hồi 11 giờ./.", "THƯ KÝ", "Lê Thị Hoa",
                "CHỦ TRÌ", "Tạ Đinh Khoa");
        AdministrativeMetadata m = AdministrativeReader.read(List.of(Page.textLayer(1, minute)));
        assertEquals("Tạ Đình Khoa", value(m.signer()));
        assertTrue(m.signer().confidence() < 0.9, "a name set right is not sure");
        String tail = minute.replace("Tạ Đinh Khoa", "Đình Khoa").replace("Lê Thị Hoa", "Mai Thị Hoa");
        assertEquals("Tạ Đình Khoa", value(AdministrativeReader.read(List.of(Page.textLayer(1, tail))).signer()),
                "a name read without its family name, the minutes writing it whole");
        String twice = minute.replace("Tạ Đinh Khoa", "Tạ Đình Khoa");
        assertTrue(AdministrativeReader.read(List.of(Page.textLayer(1, twice))).signer().confidence() >= 0.9,
                "written the same elsewhere in the record");
        String block = String.join("\n", "Kính đề nghị xem xét./.", "Nơi nhận:", "- Lưu: VT.", "TM. BAN THƯỜNG VỤ",
                "CHỦ TỊCH", "Trần Mỹ Hạnh");
        assertTrue(AdministrativeReader.read(List.of(ocred(block, 95))).signer().confidence() >= 0.9,
                "Tesseract sure of every word of the name");
        assertTrue(AdministrativeReader.read(List.of(withLastWordAt(ocred(block, 95), 66))).signer().confidence() < 0.9,
                "a name Tesseract doubted and nothing else in the record confirms is flagged");
    }

    @Test
    void aGivenNameOcrDoubtedThatIsNoGivenNameIsTheOneThatReadsAlike() {
        String block = String.join("\n", "Kính đề nghị xem xét./.", "Nơi nhận:", "- Lưu: VT.", "TM. BAN THƯỜNG VỤ",
                "CHỦ TỊCH", "Phạm Thùy Tầm");
        AdministrativeMetadata doubted = AdministrativeReader.read(List.of(withLastWordAt(ocred(block, 95), 88)));
        assertEquals("Phạm Thùy Tâm", value(doubted.signer()));
        assertTrue(doubted.signer().confidence() < 0.9, "set right, not read: flagged");
        assertEquals("Phạm Thùy Tầm", value(AdministrativeReader.read(List.of(ocred(block, 95))).signer()),
                "a word Tesseract was sure of stays as read");
        assertEquals("Phạm Thùy Tầm", value(AdministrativeReader.read(List.of(Page.textLayer(1, block))).signer()),
                "typed text stays as typed");
        String listed = block.replace("Phạm Thùy Tầm", "Nguyễn Văn An");
        assertEquals("Nguyễn Văn An", value(AdministrativeReader.read(List.of(withLastWordAt(ocred(listed, 95), 70)))
                .signer()), "a given name the list holds stays, doubted or not");
    }

    private static Page withLastWordAt(Page page, float confidence) {
        List<Word> words = new java.util.ArrayList<>(page.words());
        Word last = words.remove(words.size() - 1);
        words.add(new Word(last.text(), last.x(), last.y(), last.width(), last.height(), confidence, last.line()));
        return new Page(1, page.text(), Page.OCR, 90f, 0, 1000, 1400, words);
    }

    @Test
    void aLettersTypeIsSureFromItsVvLineUnderANumber() {
        String letter = String.join("\n", "LĐLĐ TỈNH BÌNH PHƯỚC", "Số: 77/LĐLĐ-TC", "V/v thu kinh phí công đoàn",
                "Kính gửi: Các công đoàn cơ sở.");
        AdministrativeMetadata m = AdministrativeReader.read(List.of(Page.textLayer(1, letter)));
        assertEquals("Công văn", value(m.documentType()));
        assertTrue(m.documentType().confidence() >= 0.9);
    }
}
