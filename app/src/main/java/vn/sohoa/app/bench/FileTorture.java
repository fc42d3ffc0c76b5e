package vn.sohoa.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import vn.sohoa.app.TemporaryArchive;
import vn.sohoa.core.document.Json;

/**
 * Drops every file of a folder into a fresh archive and waits until each has left the inbox (or
 * nothing has moved for a while), watching the health meanwhile; then counts what became of them:
 * archived, duplicates, failed with a reason, failed without one (the "unexpected error" reason),
 * still waiting, and names every file still waiting. For measuring against test suites nobody here
 * wrote (pdf.js's {@code test/pdfs}); the tests keep their own small cases.
 */
public final class FileTorture {

    private static final String DOSSIER = "torture";
    private static final String UNEXPECTED = "Lỗi không lường trước";

    private FileTorture() {
    }

    public static void run(Path dir, Duration idleLimit, PrintStream out) throws Exception {
        List<String> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).sorted().toList();
        }
        try (TemporaryArchive archive = TemporaryArchive.start(Map.of())) {
            HttpClient http = HttpClient.newHttpClient();
            out.printf("Dropping %d files of %s into a fresh archive...%n", files.size(), dir);
            Measurement measurement = Measurement.start();
            archive.drop(dir, files, DOSSIER);
            Path inbox = archive.data().resolve("inbox").resolve(DOSSIER);
            long healthChecks = 0;
            long notUp = 0;
            long lastLeft = -1;
            long lastMove = System.nanoTime();
            while (true) {
                long left = waiting(inbox).size();
                if (left != lastLeft) {
                    lastLeft = left;
                    lastMove = System.nanoTime();
                }
                JsonNode health = get(http, archive, "/api/health");
                healthChecks++;
                if (!"UP".equals(health.path("status").asText())) {
                    notUp++;
                }
                if (left == 0 || Duration.ofNanos(System.nanoTime() - lastMove).compareTo(idleLimit) > 0) {
                    break;
                }
                Thread.sleep(2000);
            }
            double seconds = measurement.wallSeconds();
            JsonNode status = get(http, archive, "/api/ingest/status");
            Path failed = archive.data().resolve("failed").resolve(DOSSIER);
            Map<String, Integer> reasons = new TreeMap<>();
            int withReason = 0;
            int without = 0;
            if (Files.isDirectory(failed)) {
                try (Stream<Path> reports = Files.list(failed)) {
                    for (Path report : reports.filter(p -> p.toString().endsWith(".error.json")).toList()) {
                        String reason = Json.MAPPER.readTree(report.toFile()).path("reason").asText("");
                        if (reason.isBlank() || reason.startsWith(UNEXPECTED)) {
                            without++;
                        } else {
                            withReason++;
                        }
                        reasons.merge(firstSentence(reason), 1, Integer::sum);
                    }
                }
            }
            List<String> stillWaiting = waiting(inbox);
            out.printf("%nFiles of %s, measured in a fresh archive:%n", dir);
            out.printf("  files                     %6d%n", files.size());
            out.printf("  archived                  %6d%n", status.path("archived").asLong());
            out.printf("  duplicates                %6d%n", status.path("duplicate").asLong());
            out.printf("  failed with a reason      %6d%n", withReason);
            out.printf("  failed without a reason   %6d%n", without);
            out.printf("  still waiting             %6d%n", stillWaiting.size());
            out.printf("  time                      %6.0f s%n", seconds);
            out.printf("  health not UP             %6d of %d checks%n", notUp, healthChecks);
            out.printf("%nReasons given:%n");
            reasons.forEach((reason, count) -> out.printf("  %4d  %s%n", count, reason));
            stillWaiting.forEach(name -> out.println("  still waiting: " + name));
        }
    }

    private static List<String> waiting(Path inbox) throws IOException {
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        try (Stream<Path> left = Files.list(inbox)) {
            return left.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    private static String firstSentence(String reason) {
        int end = reason.indexOf(". ");
        return end < 0 ? reason : reason.substring(0, end + 1);
    }

    private static JsonNode get(HttpClient http, TemporaryArchive archive, String path) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(archive.url() + path))
                .header("Authorization", "Bearer " + archive.token()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return Json.MAPPER.readTree(response.body());
    }
}
