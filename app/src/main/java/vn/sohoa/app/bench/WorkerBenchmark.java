package vn.sohoa.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
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
import javax.imageio.ImageIO;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.ProducerTemplate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import vn.sohoa.app.TemporaryArchive;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.ocr.PageText;
import vn.sohoa.ocr.PdfPageImage;
import vn.sohoa.ocr.work.PageCheckpoints;
import vn.sohoa.ocr.work.PageJob;
import vn.sohoa.ocr.work.PageResult;

/**
 * Pages per minute of the whole pipeline with its in-process workers, with one worker process and
 * with two (one Tesseract thread each, in JVMs of their own, sohoa reading no page itself), and the
 * CPU a page's hand-off costs (its image through storage, its message through the broker, its result
 * back), all in fresh archives with their embedded engines.
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
            handOff(corpus).print(out);
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
        handOff(corpus).print(out);
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
            List<Process> workers = new ArrayList<>();
            try {
                for (int i = 0; i < workerProcesses; i++) {
                    workers.add(startWorker(archive.data(), language));
                }
                awaitWorkers(archive, workerProcesses);
                Measurement measurement = Measurement.start();
                archive.drop(corpus.dir(), files, DOSSIER);
                archive.awaitFinished(files, DOSSIER);
                return new Row(setup, threads, measurement.wallSeconds(), measurement.cpuSecondsSince(),
                        corpus.pageCount());
            } finally {
                stop(workers);
            }
        }
    }

    /** Stops the worker processes while their broker still runs. */
    private static void stop(List<Process> workers) throws InterruptedException {
        for (Process worker : workers) {
            worker.destroy();
            if (!worker.waitFor(1, java.util.concurrent.TimeUnit.MINUTES)) {
                worker.destroyForcibly().waitFor();
            }
        }
    }

    private static Process startWorker(Path data, String language) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "vn.sohoa.app.SohoaCli", "ocr-worker", "--data", data.toString(), "--threads", "1")
                .redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(data.getFileName() + "-worker.log").toFile());
        builder.environment().put("SOHOA_OCR_LANGUAGE", language);
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        return builder.start();
    }

    /** Waits until the worker processes announced themselves (they have loaded Tesseract). */
    private static void awaitWorkers(TemporaryArchive archive, int processes) throws Exception {
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
                throw new IllegalStateException("the worker processes did not start (see their logs beside "
                        + archive.data() + ")");
            }
            Thread.sleep(500);
        }
    }

    /**
     * The CPU one page's hand-off costs, OCR and rendering aside, in three parts: the document's
     * original fetched by a worker (once a document, shared by its pages), the page's message sent and
     * received, its result and PDF/A image stored and read back. Measured over every process (sohoa
     * with its broker, storage, the index) after one pass that warms the JVM up; grey and colour pages
     * apart, whose PDF/A images differ.
     */
    private static HandOff handOff(ScannedCorpus corpus) throws Exception {
        try (TemporaryArchive archive = TemporaryArchive.start(Map.of("sohoa.ocr.in-process", "false"))) {
            ObjectStore store = ObjectStore.connect(archive.sohoa().settings());
            PageCheckpoints checkpoints = new PageCheckpoints(store);
            ProducerTemplate producer = archive.sohoa().camel().createProducerTemplate();
            ConsumerTemplate consumer = archive.sohoa().camel().createConsumerTemplate();
            String queue = "jms:queue:sohoa.bench.handoff";
            HandOff warmUp = new HandOff();
            HandOff measured = new HandOff();
            Path fetched = Files.createTempFile("sohoa-bench-original", "");
            for (HandOff pass : List.of(warmUp, measured)) {
                for (ScannedCorpus.Document document : corpus.documents()) {
                    Path file = corpus.dir().resolve(document.file());
                    String id = (pass == warmUp ? "warm-up-" : "") + document.file().replaceAll("[^A-Za-z0-9.]", "_");
                    store.putOriginal(id, file, document.file(), "application/octet-stream", java.time.Instant.now());
                    List<BufferedImage> images = pages(file);
                    List<PdfPageImage> pdfImages = new ArrayList<>();
                    for (BufferedImage image : images) {
                        pdfImages.add(PdfPageImage.of(image, 300, false));
                    }
                    Measurement step = Measurement.start();
                    try (var in = store.openOriginal(id)) {
                        Files.copy(in, fetched, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    double original = step.cpuSecondsSince() / images.size();
                    for (int n = 1; n <= images.size(); n++) {
                        BufferedImage image = images.get(n - 1);
                        step = Measurement.start();
                        producer.sendBody(queue, PageJob.pdfPage(id, n - 1, 300, false).toJson());
                        PageJob job = PageJob.fromJson(consumer.receiveBody(queue, 10_000, String.class));
                        double message = step.cpuSecondsSince();
                        step = Measurement.start();
                        PageText text = new PageText(n, "", 90, 0, image.getWidth(), image.getHeight(), List.of(), null);
                        checkpoints.put(id, new PageResult(text, pdfImages.get(n - 1)));
                        producer.sendBody("jms:topic:sohoa.bench.done", job.toJson());
                        checkpoints.find(id, n).orElseThrow();
                        pass.add(image.getColorModel().getNumColorComponents() > 1, original, message,
                                step.cpuSecondsSince());
                    }
                }
            }
            Files.deleteIfExists(fetched);
            producer.close();
            consumer.close();
            return measured;
        }
    }

    /** CPU milliseconds of the hand-off's parts, summed over pages, grey and colour apart. */
    private static final class HandOff {
        private static final int PARTS = 3;
        private final double[][] millis = new double[2][PARTS];
        private final int[] pages = new int[2];

        void add(boolean colour, double... seconds) {
            int kind = colour ? 1 : 0;
            pages[kind]++;
            for (int part = 0; part < PARTS; part++) {
                millis[kind][part] += seconds[part] * 1000;
            }
        }

        void print(PrintStream out) {
            out.printf(Locale.ROOT, "%nhand-off per page, CPU ms of sohoa with its broker, storage and index "
                    + "(after a warm-up pass):%n%-22s %6s %10s %8s %8s %8s%n", "pages", "count", "original",
                    "message", "result", "total");
            for (int kind = 0; kind < 2; kind++) {
                if (pages[kind] > 0) {
                    row(out, kind == 0 ? "grey" : "colour", pages[kind], millis[kind]);
                }
            }
            double[] all = new double[PARTS];
            for (int part = 0; part < PARTS; part++) {
                all[part] = millis[0][part] + millis[1][part];
            }
            row(out, "all", pages[0] + pages[1], all);
        }

        private static void row(PrintStream out, String kind, int count, double[] millis) {
            double total = 0;
            for (double part : millis) {
                total += part;
            }
            out.printf(Locale.ROOT, "%-22s %6d %10.1f %8.1f %8.1f %8.1f%n", kind, count, millis[0] / count,
                    millis[1] / count, millis[2] / count, total / count);
        }
    }

    private static List<BufferedImage> pages(Path file) throws IOException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            List<BufferedImage> pages = new ArrayList<>();
            try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
                PDFRenderer renderer = new PDFRenderer(pdf);
                for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                    pages.add(renderer.renderImageWithDPI(i, 300, ImageType.GRAY));
                }
            }
            return pages;
        }
        BufferedImage image = ImageIO.read(file.toFile());
        return image == null ? List.of() : List.of(image);
    }
}
