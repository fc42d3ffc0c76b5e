package vn.sohoa.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.sohoa.core.document.Json;

/**
 * The documents of a corpus's {@code truth.jsonl} as text and metadata: what records of any number
 * are made from. Values absent from the truth are null.
 */
record CorpusDocuments(List<Document> documents) {

    record Document(String topic, List<String> pages, String number, String notation, String type, String subject,
                    String issuedDate, String place, String issuer, String parentOrg, String signer, String signerTitle,
                    String signingAuthority) {
    }

    static CorpusDocuments read(Path corpus) throws IOException {
        List<Document> documents = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("truth.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode doc = Json.MAPPER.readTree(line);
            JsonNode m = doc.path("metadata");
            List<String> pages = new ArrayList<>();
            doc.path("pages").forEach(p -> pages.add(p.path("text").asText()));
            documents.add(new Document(doc.path("topic_name").asText("Khác"), pages, text(m, "so_ky_hieu"),
                    text(m, "ky_hieu"), text(m, "loai_van_ban"), text(m, "trich_yeu"), text(m, "ngay_ban_hanh"),
                    text(m, "dia_danh"), text(m, "co_quan_ban_hanh"), text(m, "co_quan_chu_quan"), text(m, "nguoi_ky"),
                    text(m, "chuc_vu_ky"), text(m, "tham_quyen_ky")));
        }
        if (documents.isEmpty()) {
            throw new IOException(corpus.resolve("truth.jsonl") + " holds no document");
        }
        return new CorpusDocuments(List.copyOf(documents));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
