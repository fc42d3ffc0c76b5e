package vn.sohoa.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.sohoa.app.Sohoa;
import vn.sohoa.core.document.Json;

/**
 * sohoa itself, the whole pipeline: a fresh archive with its embedded engines; the clock runs from the
 * files entering {@code inbox/} to the last of them being stored, indexed and moved to {@code done/}.
 */
final class SohoaRun {

    private SohoaRun() {
    }

    static EngineRun run(ScannedCorpus corpus, String language) throws Exception {
        Path data = Files.createTempDirectory("sohoa-bench-data-");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (Sohoa sohoa = Sohoa.start(Map.of("sohoa.data.dir", data.toString(), "sohoa.http.port",
                Integer.toString(port), "sohoa.ocr.language", language, "sohoa.ingest.stable-millis", "200"))) {
            Path staging = Files.createDirectories(data.resolve("staging"));
            Map<String, String> ids = new LinkedHashMap<>();
            for (ScannedCorpus.Document doc : corpus.documents()) {
                Path copy = staging.resolve(doc.file());
                Files.copy(corpus.dir().resolve(doc.file()), copy);
                ids.put(doc.file(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(copy))));
            }
            Path inbox = data.resolve("inbox");
            Path done = data.resolve("done");
            long start = System.nanoTime();
            for (ScannedCorpus.Document doc : corpus.documents()) {
                Files.move(staging.resolve(doc.file()), inbox.resolve(doc.file()));
            }
            while (!corpus.documents().stream().allMatch(d -> Files.exists(done.resolve(d.file())))) {
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            HttpClient http = HttpClient.newHttpClient();
            Map<String, List<String>> pagesByFile = new LinkedHashMap<>();
            for (Map.Entry<String, String> id : ids.entrySet()) {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/documents/" + id.getValue() + "/text")).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                List<String> pages = new ArrayList<>();
                for (JsonNode page : Json.MAPPER.readTree(response.body()).path("pages")) {
                    pages.add(page.path("text").asText());
                }
                pagesByFile.put(id.getKey(), pages);
            }
            return new EngineRun("sohoa (whole pipeline)", seconds, pagesByFile);
        }
    }
}
