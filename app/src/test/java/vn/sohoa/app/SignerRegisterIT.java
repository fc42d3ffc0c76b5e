package vn.sohoa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A signer whose family name a seal hid is completed from the signers the archive knows, whichever
 * of the two records came first, and only when one known signer has those given names.
 */
@ExtendWith(RunningArchive.Extension.class)
class SignerRegisterIT {

    private final RunningArchive archive = RunningArchive.get();

    @Test
    void givenNamesReadAfterTheWholeNameAreCompletedFromIt() throws Exception {
        String whole = archived(letter("Lạc Thị Ngọc Quyên"));
        JsonNode partial = document(archived(letter("Thị Ngọc Quyên")));

        assertEquals("Lạc Thị Ngọc Quyên", partial.path("signer").asText());
        JsonNode read = partial.path("metadata");
        assertEquals("Lạc Thị Ngọc Quyên", read.path("signer").path("value").asText());
        assertEquals("Thị Ngọc Quyên", read.path("partialSigner").path("value").asText(), "what was read is kept");
        assertTrue(read.path("signer").path("confidence").asDouble() < 0.7, "a name taken from other records is less sure");
        assertEquals("Lạc Thị Ngọc Quyên", document(whole).path("signer").asText());
    }

    @Test
    void givenNamesReadBeforeTheWholeNameAreCompletedWhenItComesInAnotherDossier() throws Exception {
        String partial = archived("ho so 2023/", letter("Hữu Thiện Nhân"));
        assertFalse(document(partial).hasNonNull("signer"), "no signer is known yet");

        archived("ho so 2024/", letter("Khúc Hữu Thiện Nhân"));

        assertEquals("Khúc Hữu Thiện Nhân", document(partial).path("signer").asText());
        JsonNode found = archive.getJson("/api/search?signer=" + URLEncoder.encode("Khúc Hữu Thiện Nhân",
                StandardCharsets.UTF_8));
        assertEquals(2, found.path("total").asInt(), found.toString());
    }

    @Test
    void givenNamesTwoKnownSignersShareAreLeftWithoutSigner() throws Exception {
        archived(letter("Tào Minh Khuê"));
        archived(letter("Lục Minh Khuê"));

        JsonNode partial = document(archived(letter("Minh Khuê")));

        assertFalse(partial.hasNonNull("signer"), partial.path("signer").asText());
        assertEquals("Minh Khuê", partial.path("metadata").path("partialSigner").path("value").asText());
    }

    @Test
    void oneGivenNameAfterTheEndOfAWordTheSealCutIsCompletedFromTheOneNameHoldingBoth() throws Exception {
        archived(letter("Lã Thuỷ Diệp"));
        archived(letter("Kha Ngọc Diệp"));

        JsonNode partial = document(archived(letter("huỷ Diệp")));

        assertEquals("Lã Thuỷ Diệp", partial.path("signer").asText(), "\"Diệp\" alone is two signers' name");
        assertEquals("huỷ Diệp", partial.path("metadata").path("partialSigner").path("value").asText());
    }

    /** A notice signed as the last line says, with content of its own. */
    private static String letter(String nameLine) {
        String token = "sohoa" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return String.join("\n",
                "LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH PHƯỚC",
                "Số: 12/TB-LĐLĐ",
                "Đồng Xoài, ngày 5 tháng 3 năm 2024",
                "THÔNG BÁO",
                "Về việc tổ chức hội nghị " + token,
                "Ban Thường vụ Liên đoàn Lao động tỉnh thông báo việc tổ chức hội nghị " + token + ".",
                "Nơi nhận:",
                "- Lưu: VT.",
                "TM. BAN THƯỜNG VỤ",
                "CHỦ TỊCH",
                nameLine);
    }

    private String archived(String text) throws Exception {
        return archived("", text);
    }

    private String archived(String folder, String text) throws Exception {
        String id = archive.drop(folder + "thong bao " + UUID.randomUUID() + ".txt", text.getBytes(StandardCharsets.UTF_8));
        archive.awaitState(id, "ARCHIVED");
        return id;
    }

    private JsonNode document(String id) throws Exception {
        return archive.getJson("/api/documents/" + id);
    }
}
