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
            field("LĐLĐ TỈNH BÌNH PHƯỚC"), null, field("Kết quả quý I"), field("Trần Văn Bình"), null, null, null,
            field("TỐI MẬT"), null, List.of());

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

    /** Each field, each combination of sides: the correction wins, then the manifest, then the reading. */
    @Test
    void aCorrectionWinsOverTheManifestWhichWinsOverTheReading() {
        Map<String, String> manifest = Map.of("subject", "Trích yếu của mục lục", "organName", "Ban Thường vụ",
                "confidentiality", "MẬT", "signer", "Nguyễn Thị Hoa");
        List<Correction> corrections = List.of(correction("subject", "Trích yếu đã sửa"),
                correction("confidentiality", "TUYỆT MẬT"), correction("fileCode", "HS-9"));
        String[][] table = {
                // field, read only, manifest over read, correction over manifest and read
                {"subject", "Kết quả quý I", "Trích yếu của mục lục", "Trích yếu đã sửa"},
                {"confidentiality", "TỐI MẬT", "MẬT", "TUYỆT MẬT"},
                {"issuer", "LĐLĐ TỈNH BÌNH PHƯỚC", "Ban Thường vụ", "Ban Thường vụ"},
                {"signer", "Trần Văn Bình", "Nguyễn Thị Hoa", "Nguyễn Thị Hoa"},
                {"fileCode", "Hồ sơ 2024", "Hồ sơ 2024", "HS-9"},
                {"documentNumber", "45/BC-LĐLĐ", "45/BC-LĐLĐ", "45/BC-LĐLĐ"}};
        EffectiveMetadata read = EffectiveMetadata.of(record(Map.of()), List.of());
        EffectiveMetadata overManifest = EffectiveMetadata.of(record(manifest), List.of());
        EffectiveMetadata corrected = EffectiveMetadata.of(record(manifest), corrections);
        for (String[] row : table) {
            assertEquals(row[1], value(read, row[0]), row[0] + " as read");
            assertEquals("read", read.provenance().get(row[0]), row[0]);
            assertEquals(row[2], value(overManifest, row[0]), row[0] + " with a manifest");
            assertEquals(row[3], value(corrected, row[0]), row[0] + " corrected");
        }
        assertEquals("manifest", overManifest.provenance().get("subject"));
        assertEquals("manifest", overManifest.provenance().get("confidentiality"));
        assertEquals("read", overManifest.provenance().get("fileCode"));
        assertEquals("corrected", corrected.provenance().get("subject"));
        assertEquals("corrected", corrected.provenance().get("confidentiality"));
        assertEquals("corrected", corrected.provenance().get("fileCode"));
        assertEquals("manifest", corrected.provenance().get("issuer"));
        assertEquals("manifest", corrected.provenance().get("signer"));
        assertEquals("read", corrected.provenance().get("documentNumber"));
        assertEquals(Correction.FIELDS, List.copyOf(corrected.provenance().keySet()), "every field, in order");
        assertEquals("Báo cáo 45/BC-LĐLĐ: Trích yếu đã sửa", corrected.title());
    }

    @Test
    void aCorrectedNumberOrTypeIsTakenWholeAndTheLatestCorrectionCounts() {
        EffectiveMetadata effective = EffectiveMetadata.of(record(Map.of("codeNumber", "06", "typeName", "10",
                "documentType", "Kế hoạch")), List.of(correction("documentNumber", "07/TB-LĐLĐ"),
                correction("documentType", "Thông báo"), correction("typeCode", "07"),
                correction("documentNumber", "08/TB-LĐLĐ"), correction("issuedDate", "2023-12-31")));
        assertEquals("08/TB-LĐLĐ", effective.documentNumber());
        assertEquals("08", effective.codeNumber());
        assertEquals("TB-LĐLĐ", effective.codeNotation());
        assertEquals("Thông báo", effective.documentType());
        assertEquals("07", effective.typeCode());
        assertEquals(LocalDate.of(2023, 12, 31), effective.issuedDate());
        assertEquals("corrected", effective.provenance().get("documentNumber"));
        assertEquals("corrected", effective.provenance().get("typeCode"));
        assertEquals("corrected", effective.provenance().get("issuedDate"));

        Map<String, Object> standard = ArchiveStandard.fields("id", "Hồ sơ 2024", READ, 1, "ocr", effective.issuedDate(),
                Map.of("codeNumber", "06", "typeName", "10", "documentType", "Kế hoạch"),
                List.of(correction("documentNumber", "08/TB-LĐLĐ"), correction("typeCode", "07"),
                        correction("confidentiality", "MẬT")));
        assertEquals("08", standard.get("codeNumber"));
        assertEquals("TB-LĐLĐ", standard.get("codeNotation"));
        assertEquals("07", standard.get("typeName"));
        assertEquals("03", standard.get("mode"), "a secret document is used under the secrecy rules");
    }

    @Test
    void aClearedFieldHasNoValueEvenWhereTheManifestAndTheReadingGaveOne() {
        EffectiveMetadata effective = EffectiveMetadata.of(record(Map.of("signer", "Nguyễn Thị Hoa")),
                List.of(correction("signer", "Lê Văn Tám"), correction("signer", null), correction("documentNumber", null)));
        assertNull(effective.signer());
        assertNull(effective.documentNumber());
        assertNull(effective.codeNumber());
        assertEquals("corrected", effective.provenance().get("signer"));
        assertEquals("Báo cáo: Kết quả quý I", effective.title());
    }

    private static Object value(EffectiveMetadata effective, String field) {
        return switch (field) {
            case "subject" -> effective.subject();
            case "confidentiality" -> effective.confidentiality();
            case "issuer" -> effective.issuer();
            case "signer" -> effective.signer();
            case "fileCode" -> effective.fileCode();
            case "documentNumber" -> effective.documentNumber();
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static Correction correction(String field, String to) {
        return new Correction(Instant.EPOCH, "hoa", field, null, to, null);
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
