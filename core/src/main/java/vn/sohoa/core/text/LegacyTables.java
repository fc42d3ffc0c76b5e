package vn.sohoa.core.text;

import java.nio.charset.Charset;
import java.text.Normalizer;

/**
 * What each byte means in the legacy Vietnamese encodings, as the text a byte stands for. The letter
 * tables come from the per-letter byte table of the domain notes (vn-encodings-table.tsv): the n-th
 * code of an encoding is the n-th letter of {@link #LETTERS}; "--" where the encoding has no such
 * letter (TCVN3 draws toned capitals only in its ...H fonts, at the lower-case bytes).
 */
final class LegacyTables {

    static final String LETTERS = ""
            + "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ"
            + "àáâãèéêìíòóôõùúý"
            + "ĂăĐđĨĩŨũƠơƯưẠạẢả"
            + "ẤấẦầẨẩẪẫẬậẮắẰằẲẳ"
            + "ẴẵẶặẸẹẺẻẼẽẾếỀềỂể"
            + "ỄễỆệỈỉỊịỌọỎỏỐốỒồ"
            + "ỔổỖỗỘộỚớỜờỞởỠỡỢợ"
            + "ỤụỦủỨứỪừỬửỮữỰựỲỳ"
            + "ỴỵỶỷỸỹ";
    static final String VISCII = ""
            + "C0 C1 C2 C3 C8 C9 CA CC CD D2 D3 D4 A0 D9 DA DD "
            + "E0 E1 E2 E3 E8 E9 EA EC ED F2 F3 F4 F5 F9 FA FD "
            + "C5 E5 D0 F0 CE EE 9D FB B4 BD BF DF 80 D5 C4 E4 "
            + "84 A4 85 A5 86 A6 06 E7 87 A7 81 A1 82 A2 02 C6 "
            + "05 C7 83 A3 89 A9 CB EB 88 A8 8A AA 8B AB 8C AC "
            + "8D AD 8E AE 9B EF 98 B8 9A F7 99 F6 8F AF 90 B0 "
            + "91 B1 92 B2 93 B5 95 BE 96 B6 97 B7 B3 DE 94 FE "
            + "9E F8 9C FC BA D1 BB D7 BC D8 FF E6 B9 F1 9F CF "
            + "1E DC 14 D6 19 DB";
    static final String TCVN3 = ""
            + "-- -- A2 -- -- -- A3 -- -- -- -- A4 -- -- -- -- "
            + "B5 B8 A9 B7 CC D0 AA D7 DD DF E3 AB E2 EF F3 FD "
            + "A1 A8 A7 AE -- DC -- F2 A5 AC A6 AD -- B9 -- B6 "
            + "-- CA -- C7 -- C8 -- C9 -- CB -- BE -- BB -- BC "
            + "-- BD -- C6 -- D1 -- CE -- CF -- D5 -- D2 -- D3 "
            + "-- D4 -- D6 -- D8 -- DE -- E4 -- E1 -- E8 -- E5 "
            + "-- E6 -- E7 -- E9 -- ED -- EA -- EB -- EC -- EE "
            + "-- F4 -- F1 -- F8 -- F5 -- F6 -- F7 -- F9 -- FA "
            + "-- FE -- FB -- FC";
    static final String VNI = ""
            + "41D8 41D9 41C2 41D5 45D8 45D9 45C2 CC CD 4FD8 4FD9 4FC2 4FD5 55D8 55D9 59D9 "
            + "61F8 61F9 61E2 61F5 65F8 65F9 65E2 EC ED 6FF8 6FF9 6FE2 6FF5 75F8 75F9 79F9 "
            + "41CA 61EA D1 F1 D3 F3 55D5 75F5 D4 F4 D6 F6 41CF 61EF 41DB 61FB "
            + "41C1 61E1 41C0 61E0 41C5 61E5 41C3 61E3 41C4 61E4 41C9 61E9 41C8 61E8 41DA 61FA "
            + "41DC 61FC 41CB 61EB 45CF 65EF 45DB 65FB 45D5 65F5 45C1 65E1 45C0 65E0 45C5 65E5 "
            + "45C3 65E3 45C4 65E4 C6 E6 D2 F2 4FCF 6FEF 4FDB 6FFB 4FC1 6FE1 4FC0 6FE0 "
            + "4FC5 6FE5 4FC3 6FE3 4FC4 6FE4 D4D9 F4F9 D4D8 F4F8 D4DB F4FB D4D5 F4F5 D4CF F4EF "
            + "55CF 75EF 55DB 75FB D6D9 F6F9 D6D8 F6F8 D6DB F6FB D6D5 F6F5 D6CF F6EF 59D8 79F8 "
            + "CE EE 59DB 79FB 59D5 79F5";

    private LegacyTables() {
    }

    static String[] viscii() {
        return singleBytes(VISCII);
    }

    static String[] tcvn3() {
        return singleBytes(TCVN3);
    }

    /**
     * VNI writes a base letter followed by a mark byte ("o" + E4 = "ộ"); a mark byte reads as the
     * combining marks it adds, so the decoded text composes under NFC, also across a run boundary.
     */
    static String[] vni() {
        String[] table = cp1252();
        String[] codes = VNI.split(" ");
        for (int i = 0; i < codes.length; i++) {
            if (codes[i].length() == 2) {
                table[Integer.parseInt(codes[i], 16)] = String.valueOf(LETTERS.charAt(i));
            }
        }
        for (int i = 0; i < codes.length; i++) {
            if (codes[i].length() == 4) {
                String base = Normalizer.normalize(table[Integer.parseInt(codes[i].substring(0, 2), 16)],
                        Normalizer.Form.NFD);
                String letter = Normalizer.normalize(String.valueOf(LETTERS.charAt(i)), Normalizer.Form.NFD);
                table[Integer.parseInt(codes[i].substring(2), 16)] = letter.substring(base.length());
            }
        }
        return table;
    }

    /** Windows-1258 as Java decodes it (tone marks as combining characters), undefined bytes as in cp1252. */
    static String[] windows1258() {
        String[] table = cp1252();
        Charset cp1258 = Charset.forName("windows-1258");
        for (int b = 0x80; b < 0x100; b++) {
            String decoded = new String(new byte[] {(byte) b}, cp1258);
            if (!"\uFFFD".equals(decoded)) {
                table[b] = decoded;
            }
        }
        return table;
    }

    private static String[] singleBytes(String codes) {
        String[] table = cp1252();
        String[] each = codes.split(" ");
        for (int i = 0; i < each.length; i++) {
            if (!"--".equals(each[i])) {
                table[Integer.parseInt(each[i], 16)] = String.valueOf(LETTERS.charAt(i));
            }
        }
        return table;
    }

    private static String[] cp1252() {
        String[] table = new String[256];
        for (int b = 0; b < 256; b++) {
            table[b] = String.valueOf(Cp1252View.charOf(b));
        }
        return table;
    }
}
