package vn.sohoa.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.sohoa.core.document.AdministrativeMetadata.Field;

class EffectiveMetadataTest {

    private static final AdministrativeMetadata READ = new AdministrativeMetadata(field("45/BC-LĐLĐ"), field("45"),
            field("BC-LĐLĐ"), field("Báo cáo"), field("14"), field("2024-03-12"), field("Đồng Xoài"),
            field("LĐLĐ TỈNH BÌNH PHƯỚC"), null, field("Kết quả quý I"), field("Trần Văn Bình"), null, null, null, null, null,
            List.of());

    @Test
    void withoutManifestTheValuesReadOffTheDocumentCount() {
        EffectiveMetadata effective = EffectiveMetadata.of(record(Map.of()));
        assertEquals("45/BC-LĐLĐ", effective.documentNumber());
        assertEquals("Báo cáo", effective.documentType());
        assertEquals(LocalDate.of(2024, 3, 12), effective.issuedDate());
        assertEquals("Hồ sơ 2024", effective.fileCode());
        assertEquals("Báo cáo 45/BC-LĐLĐ: Kết quả quý I", effective.title());
    }

    @Test
    void theManifestWinsFieldByFieldAndNumberAndTypeWhole() {
        EffectiveMetadata effective = EffectiveMetadata.of(record(Map.of("codeNumber", "06", "typeName", "10",
                "documentType", "Kế hoạch", "issuedDate", "2024-02-05", "organName", "Ban Thường vụ", "fileCode", "HS-7")));
        assertEquals("06", effective.codeNumber());
        assertNull(effective.codeNotation(), "never half from each side");
        assertEquals("06", effective.documentNumber());
        assertEquals("Kế hoạch", effective.documentType());
        assertEquals("10", effective.typeCode());
        assertEquals(LocalDate.of(2024, 2, 5), effective.issuedDate());
        assertEquals("Ban Thường vụ", effective.issuer());
        assertEquals("Trần Văn Bình", effective.signer());
        assertEquals("HS-7", effective.fileCode());
        assertEquals("Kế hoạch 06: Kết quả quý I", effective.title());
    }

    @Test
    void aDateTheManifestWroteOtherwiseLeavesTheReadOne() {
        assertEquals(LocalDate.of(2024, 3, 12),
                EffectiveMetadata.of(record(Map.of("issuedDate", "quý I/2024"))).issuedDate());
    }

    @Test
    void theStandardFieldsTakeTheManifestsValues() {
        Map<String, Object> standard = ArchiveStandard.fields("id", "Hồ sơ 2024", READ, 3, "ocr", LocalDate.of(2024, 2, 5),
                Map.of("codeNumber", "06", "codeNotation", "KH-LĐLĐ", "mode", "02", "numberOfPage", "4",
                        "keyword", "Tết", "issuedDate", "quý I", "title", "Hồ sơ Đại hội"));
        assertEquals("06", standard.get("codeNumber"));
        assertEquals("KH-LĐLĐ", standard.get("codeNotation"));
        assertEquals("02", standard.get("mode"));
        assertEquals(4, standard.get("numberOfPage"));
        assertEquals("Tết", standard.get("keyword"));
        assertEquals(LocalDate.of(2024, 2, 5), standard.get("issuedDate"));
        assertEquals("14", standard.get("typeName"));
        assertEquals("02", standard.get("confidenceLevel"));
        assertTrue(!standard.containsKey("title"), "the dossier's title is not a document field");
    }

    @Test
    void aRecordStoredBeforeManifestsReadsWithAnEmptyOne() throws Exception {
        String json = Json.MAPPER.writeValueAsString(record(Map.of())).replace(",\"manifest\":{}", "");
        DocumentRecord old = Json.MAPPER.readValue(json, DocumentRecord.class);
        assertEquals(Map.of(), old.manifest());
        assertNull(old.manifestError());
        assertTrue(!json.contains("manifest"), json);
        DocumentRecord updated = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(
                old.withManifest(Map.of("subject", "Về việc"), null)), DocumentRecord.class);
        assertEquals(Map.of("subject", "Về việc"), updated.manifest());
        assertEquals(READ, updated.metadata(), "what was read is kept as it was");
    }

    private static DocumentRecord record(Map<String, String> manifest) {
        return new DocumentRecord("ab", "bao cao.pdf", "Hồ sơ 2024", "application/pdf", 10, Instant.EPOCH, "ocr", "vi",
                "Báo cáo 45/BC-LĐLĐ: Kết quả quý I", LocalDate.of(2024, 3, 12), Map.of(), List.of(),
                List.of(new Source("bao cao.pdf", "Hồ sơ 2024", Instant.EPOCH)), READ, manifest, null);
    }

    private static Field field(String value) {
        return new Field(value, 1, 1, 0.9);
    }
}
