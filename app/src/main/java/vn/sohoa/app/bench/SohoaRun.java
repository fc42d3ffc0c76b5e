package vn.sohoa.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.sohoa.app.TemporaryArchive;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.storage.Checksums;

/**
 * sohoa itself, the whole pipeline: a fresh archive with its embedded engines; the clock runs from the
 * files entering {@code inbox/} to the last of them being stored, indexed and moved to {@code done/}.
 * Its CPU time counts sohoa and both engines.
 */
final class SohoaRun {

    private static final String DOSSIER = "bench";

    private SohoaRun() {
    }

    static EngineRun run(ScannedCorpus corpus, String language) throws Exception {
        List<String> files = corpus.documents().stream().map(ScannedCorpus.Document::file).toList();
        try (TemporaryArchive archive = TemporaryArchive.start(Map.of("sohoa.ocr.language", language))) {
            Measurement measurement = Measurement.start();
            archive.drop(corpus.dir(), files, DOSSIER);
            archive.awaitFinished(files, DOSSIER);
            double seconds = measurement.wallSeconds();
            double cpuSeconds = measurement.cpuSecondsSince();
            HttpClient http = HttpClient.newHttpClient();
            Map<String, List<String>> pagesByFile = new LinkedHashMap<>();
            for (String file : files) {
                String id = Checksums.sha256(Files.readAllBytes(corpus.dir().resolve(file)));
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                        URI.create(archive.url() + "/api/documents/" + id + "/text"))
                        .header("Authorization", "Bearer " + archive.token()).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                List<String> pages = new ArrayList<>();
                for (JsonNode page : Json.MAPPER.readTree(response.body()).path("pages")) {
                    pages.add(page.path("text").asText());
                }
                pagesByFile.put(file, pages);
            }
            return new EngineRun("sohoa (whole pipeline)", seconds, cpuSeconds, pagesByFile);
        }
    }
}
