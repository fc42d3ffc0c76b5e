package vn.sohoa.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.sohoa.core.document.Json;

/**
 * The scanned documents of a corpus with a {@code truth.jsonl}: their files, and the exact text and
 * the resolution of each page.
 */
record ScannedCorpus(Path dir, List<Document> documents) {

    record Document(String file, List<String> pages, List<Integer> dpis) {

        String fullText() {
            return String.join("\n\n", pages);
        }
    }

    static ScannedCorpus load(Path dir) throws IOException {
        List<Document> documents = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("truth.jsonl"))) {
            JsonNode doc = Json.MAPPER.readTree(line);
            if (doc.path("born_digital").asBoolean()) {
                continue;
            }
            List<String> pages = new ArrayList<>();
            List<Integer> dpis = new ArrayList<>();
            doc.path("pages").forEach(p -> {
                pages.add(p.path("text").asText());
                dpis.add(p.path("dpi").asInt());
            });
            documents.add(new Document(doc.path("file").asText(), List.copyOf(pages), List.copyOf(dpis)));
        }
        return new ScannedCorpus(dir, List.copyOf(documents));
    }

    int pageCount() {
        return documents.stream().mapToInt(d -> d.pages().size()).sum();
    }
}
