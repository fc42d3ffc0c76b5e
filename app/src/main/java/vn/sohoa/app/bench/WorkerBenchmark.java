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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.sohoa.app.TemporaryArchive;
import vn.sohoa.core.document.Json;

/**
 * Pages per minute of the whole pipeline with its in-process workers, with one worker process and
 * with two (one Tesseract thread each, in JVMs of their own, sohoa reading no page itself), and the
 * CPU a page's hand-off costs ({@link HandOffBenchmark}), all in fresh archives with their embedded engines.
 */
public final class WorkerBenchmark {

    private static final String DOSSIER = "bench";

    private WorkerBenchmark() {
    }

    private record Row(String setup, int threads, double seconds, double cpuSeconds, int pages) {

        double pagesPerMinute() {
            return pages * 60 / seconds;
        }

        String line() {
            return String.format(Locale.ROOT, "%-40s %8.1f %8.1f %10.1f %16.1f", setup, seconds, cpuSeconds,
                    pagesPerMinute(), pagesPerMinute() / threads);
        }
    }

    public static void run(Path corpusDir, String language, boolean handOffOnly, PrintStream out) throws Exception {
        ScannedCorpus corpus = ScannedCorpus.load(corpusDir);
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "Worker benchmark: %d scanned documents, %d pages, %s, language %s, %d cores%n%n",
                corpus.documents().size(), corpus.pageCount(), corpusDir, language, cores);
        if (handOffOnly) {
            HandOffBenchmark.run(corpus, out);
            return;
        }
        List<Row> rows = new ArrayList<>();
        rows.add(measure("in-process workers (" + cores + " threads)", corpus, language, true, 0, cores));
        rows.add(measure("1 worker process (1 thread)", corpus, language, false, 1, 1));
        rows.add(measure("2 worker processes (1 thread each)", corpus, language, false, 2, 2));
        out.printf(Locale.ROOT, "%-40s %8s %8s %10s %16s%n", "setup", "wall s", "CPU s", "pages/min",
                "pages/min/thread");
        rows.forEach(r -> out.println(r.line()));
        out.printf(Locale.ROOT, "%nworker process / in-process workers, pages per minute per thread: %.2f%n",
                perThread(rows.get(1)) / perThread(rows.get(0)));
        out.printf(Locale.ROOT, "two worker processes / one: %.2fx%n",
                rows.get(2).pagesPerMinute() / rows.get(1).pagesPerMinute());
        HandOffBenchmark.run(corpus, out);
    }

    private static double perThread(Row row) {
        return row.pagesPerMinute() / row.threads();
    }

    private static Row measure(String setup, ScannedCorpus corpus, String language, boolean inProcess,
                               int workerProcesses, int threads) throws Exception {
        List<String> files = corpus.documents().stream().map(ScannedCorpus.Document::file).toList();
        Map<String, String> settings = new HashMap<>();
        settings.put("sohoa.ocr.language", language);
        settings.put("sohoa.ocr.in-process", Boolean.toString(inProcess));
        try (TemporaryArchive archive = TemporaryArchive.start(settings)) {
            List<SohoaChild> workers = new ArrayList<>();
            try {
                List<Path> logs = new ArrayList<>();
                for (int i = 0; i < workerProcesses; i++) {
                    logs.add(archive.data().resolve("worker-" + (i + 1) + ".log"));
                    workers.add(startWorker(archive.data(), logs.get(i), language));
                }
                awaitWorkers(archive, logs);
                Measurement measurement = Measurement.start();
                archive.drop(corpus.dir(), files, DOSSIER);
                archive.awaitFinished(files, DOSSIER);
                return new Row(setup, threads, measurement.wallSeconds(), measurement.cpuSecondsSince(),
                        corpus.pageCount());
            } finally {
                workers.forEach(SohoaChild::close);
            }
        }
    }

    /** A worker process; the workers are stopped while their broker still runs. */
    private static SohoaChild startWorker(Path data, Path log, String language) throws IOException {
        return SohoaChild.start(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:G1HeapRegionSize=4m"),
                List.of("ocr-worker", "--data", data.toString(), "--threads", "1"),
                Map.of("SOHOA_OCR_LANGUAGE", language, "OMP_THREAD_LIMIT", "1"), log, Duration.ofMinutes(1));
    }

    /**
     * Waits until the worker processes announced themselves (they have loaded Tesseract). Their logs
     * go with the temporary archive: a worker that does not start says why in the failure.
     */
    private static void awaitWorkers(TemporaryArchive archive, List<Path> logs) throws Exception {
        int processes = logs.size();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (processes > 0) {
            HttpResponse<byte[]> health = http.send(HttpRequest.newBuilder(URI.create(archive.url() + "/api/health"))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            int seen = 0;
            for (JsonNode worker : Json.MAPPER.readTree(health.body()).path("workers")) {
                seen += "process".equals(worker.path("kind").asText()) ? 1 : 0;
            }
            if (seen >= processes) {
                return;
            }
            if (System.nanoTime() > deadline) {
                List<String> log = Files.readAllLines(logs.get(0));
                throw new IllegalStateException("the worker processes did not start; the first one's log ends: "
                        + String.join("\n", log.subList(Math.max(0, log.size() - 20), log.size())));
            }
            Thread.sleep(500);
        }
    }
}
