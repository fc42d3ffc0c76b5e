package vn.sohoa.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import vn.sohoa.app.ApiClient;
import vn.sohoa.app.TemporaryArchive;
import vn.sohoa.core.document.DocumentRecord;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.storage.ObjectStore;

/**
 * An archive of any size, measured: records made from a corpus ({@link SyntheticRecords}) are stored
 * with their originals in a fresh archive's object storage, many at once; the archive is then served
 * by a sohoa process of its own ({@link ServedArchive}) and indexed by the product's own reindex;
 * then searches through the HTTP API (the first ones after the start apart, the others after a
 * warm-up) at one and at eight clients, document number searches, the whole archive verified,
 * born-digital files dropped into the inbox, and the resident memory of sohoa and its engines while
 * serving. Prints each figure beside its target and
 * can write them as JSON. The archive lives in a temporary folder, removed at the end (and on Ctrl-C).
 */
public final class ScaleBenchmark {

    /** What the figures are measured against (2 cores, embedded engines, 100,000 records). */
    private static final double SEARCH_P95_1 = 50;
    private static final double SEARCH_P95_8 = 200;
    private static final double NUMBER_P95 = 20;
    private static final double API_OVERHEAD = 5;
    private static final double REINDEX_PER_S = 200;
    private static final double VERIFY_PER_S = 300;
    private static final double INGEST_PER_S = 20;
    private static final double RSS_MB = 2048;
    /** Records kept in memory to draw searches from. */
    private static final int SAMPLE = 2000;
    private static final int CLIENTS = 8;
    /**
     * Searches made between the first ones after a start and the measured ones. Measured at 100,000
     * records (2026-12-08): the 1-client p95 falls from ~135 ms over the first 400 to ~60 after 2,000,
     * then moves little.
     */
    private static final int WARM_UP = 2000;

    private ScaleBenchmark() {
    }

    /**
     * @param corpus  a folder with {@code truth.jsonl} (and {@code queries.jsonl})
     * @param records how many records the archive holds
     * @param queries how many searches each measure makes (the eight clients make twice as many)
     * @param ingest  how many born-digital files are dropped into the inbox
     * @param settings settings of the archive beyond the defaults
     * @return the figures, by the names the JSON file gives them
     */
    public static Map<String, Object> run(Path corpus, int records, int queries, int ingest,
                                          Map<String, String> settings, PrintStream out) throws Exception {
        SyntheticRecords maker = new SyntheticRecords(CorpusDocuments.read(corpus));
        List<SearchLoad.Search> corpusCases = SearchLoad.corpusCases(corpus);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("records", records);
        TemporaryArchive archive = TemporaryArchive.start(settings);
        AtomicReference<ServedArchive> serving = new AtomicReference<>();
        Thread removeOnInterrupt = new Thread(() -> {
            Optional.ofNullable(serving.get()).ifPresent(ServedArchive::close);
            archive.closeQuietly();
        }, "remove-scale-archive");
        Runtime.getRuntime().addShutdownHook(removeOnInterrupt);
        try {
            out.printf("Archive in %s%n", archive.data());
            List<DocumentRecord> sample = build(archive, maker, records, out, figures);
            archive.stop();

            try (ServedArchive served = ServedArchive.start(archive.settings(), archive.data().resolve("served.log"))) {
                serving.set(served);
                ApiClient api = new ApiClient(archive.url(), archive.token());
                StackMemory reindexMemory = StackMemory.of(served.handle());
                long start = System.nanoTime();
                JsonNode reindexed = api.post("/api/maintenance/reindex");
                double reindexSeconds = seconds(start);
                reindexMemory.close();
                int indexed = reindexed.path("documents").asInt();
                figures.put("indexed", indexed);
                figures.put("reindex_seconds", round(reindexSeconds));
                figures.put("reindex_per_s", round(indexed / reindexSeconds));
                figures.put("reindex_rss_mb", round(reindexMemory.peakTotalMb()));
                out.printf("Reindexed %d records in %.1f s (%.0f/s), stack's peak resident memory %.0f MB%n", indexed,
                        reindexSeconds, indexed / reindexSeconds, reindexMemory.peakTotalMb());
                sizes(archive, indexed, figures, out);

                search(archive, served, corpusCases, sample, queries, figures, out);

                start = System.nanoTime();
                JsonNode verified = api.post("/api/maintenance/verify");
                double verifySeconds = seconds(start);
                int checked = verified.path("checked").asInt();
                figures.put("verified", checked);
                figures.put("verify_intact", verified.path("intact").asBoolean());
                figures.put("verify_per_s", round(checked / verifySeconds));
                out.printf("Verified %d records in %.1f s (%.0f/s), intact: %s%n", checked, verifySeconds,
                        checked / verifySeconds, verified.path("intact").asBoolean());

                ingest(archive, maker, records, ingest, figures, out);
            }
            print(figures, out);
            return figures;
        } finally {
            archive.close();
            Runtime.getRuntime().removeShutdownHook(removeOnInterrupt);
        }
    }

    /** Stores the records and their originals, several at once; keeps a sample of them to draw searches from. */
    private static List<DocumentRecord> build(TemporaryArchive archive, SyntheticRecords maker, int records,
                                              PrintStream out, Map<String, Object> figures) throws Exception {
        ObjectStore store = ObjectStore.connect(archive.sohoa().settings());
        Path staging = Files.createDirectories(archive.data().resolve("tmp").resolve("scale"));
        int every = Math.max(1, records / SAMPLE);
        List<DocumentRecord> sample = Collections.synchronizedList(new ArrayList<>());
        AtomicLong pages = new AtomicLong();
        AtomicLong textChars = new AtomicLong();
        AtomicLong stored = new AtomicLong();
        int threads = Math.max(4, Runtime.getRuntime().availableProcessors() * 3);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                work.add(pool.submit(() -> {
                    for (int n = first; n < records; n += threads) {
                        SyntheticRecords.Made made = maker.make(n);
                        DocumentRecord record = made.record();
                        Path file = staging.resolve(record.id());
                        Files.write(file, made.original());
                        store.putOriginal(record.id(), file, record.fileName(), record.contentType(), record.ingestedAt());
                        Files.delete(file);
                        store.putRecord(record);
                        pages.addAndGet(record.pageCount());
                        textChars.addAndGet(record.fullText().length());
                        if (n % every == 0) {
                            sample.add(record);
                        }
                        long done = stored.incrementAndGet();
                        if (done % 5000 == 0) {
                            out.printf("  %d records stored (%.0f/s)%n", done, done / seconds(start));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : work) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = seconds(start);
        figures.put("build_seconds", round(seconds));
        figures.put("pages_per_record", round((double) pages.get() / records));
        figures.put("text_chars_per_record", textChars.get() / records);
        out.printf("Stored %d records (%.1f pages, %d characters of text each on average) with their originals in "
                + "%.1f s (%.0f/s)%n", records, (double) pages.get() / records, textChars.get() / records, seconds,
                records / seconds);
        List<DocumentRecord> kept = new ArrayList<>(sample);
        kept.sort(Comparator.comparing(DocumentRecord::id));
        return kept;
    }

    private static void sizes(TemporaryArchive archive, int indexed, Map<String, Object> figures, PrintStream out)
            throws Exception {
        Path engines = archive.sohoa().settings().enginesData();
        // Elasticsearch's data folder: the index, with the audit's small index and the node's state.
        long index = folderSize(engines.resolve("elasticsearch").resolve("data"));
        long storage = folderSize(engines.resolve("s3"));
        figures.put("index_bytes_per_record", index / Math.max(1, indexed));
        figures.put("storage_bytes_per_record", storage / Math.max(1, indexed));
        out.printf("On disk: index %.1f MB (%.1f KB a record), storage %.1f MB (%.1f KB a record)%n", index / 1e6,
                index / 1e3 / Math.max(1, indexed), storage / 1e6, storage / 1e3 / Math.max(1, indexed));
    }

    private static void search(TemporaryArchive archive, ServedArchive served, List<SearchLoad.Search> corpusCases,
                               List<DocumentRecord> sample, int queries, Map<String, Object> figures, PrintStream out)
            throws Exception {
        SearchLoad load = new SearchLoad(archive.url(), archive.token());
        List<SearchLoad.Search> mixed = new ArrayList<>();
        while (mixed.size() < queries / 5 && !corpusCases.isEmpty()) {
            mixed.addAll(corpusCases);
        }
        mixed.addAll(SearchLoad.fromRecords(sample, queries - mixed.size(), 1));
        List<SearchLoad.Search> numbers = new ArrayList<>();
        Random random = new Random(2);
        for (int i = 0; i < queries / 2; i++) {
            numbers.add(new SearchLoad.Search("q=" + URLEncoder.encode(
                    SearchLoad.numberQuery(sample.get(random.nextInt(sample.size())), random), StandardCharsets.UTF_8),
                    true));
        }
        // The stack answers its first searches after a start slowly (both JVMs still compiling, Elasticsearch's
        // caches empty); measured apart, then warmed up with searches of their own before the figures.
        List<SearchLoad.Search> warmUp = SearchLoad.fromRecords(sample, queries + WARM_UP, 3);
        SearchLoad.Figures first = load.run(warmUp.subList(0, queries), 1);
        load.run(warmUp.subList(queries, warmUp.size()), 2);

        StackMemory serving = StackMemory.of(served.handle());
        Measurement cpu = Measurement.of(served.handle());
        SearchLoad.Figures one = load.run(mixed, 1);
        double cpuMillisPerSearch = cpu.cpuSecondsSince() * 1000 / Math.max(1, one.requests());
        List<SearchLoad.Search> twice = new ArrayList<>(mixed);
        twice.addAll(SearchLoad.fromRecords(sample, mixed.size(), 4));
        SearchLoad.Figures eight = load.run(twice, CLIENTS);
        SearchLoad.Figures number = load.run(numbers, 1);
        serving.close();

        figures.put("search_p95_ms_1_after_start", round(first.p95()));
        figures.put("search_p50_ms_1", round(one.p50()));
        figures.put("search_p95_ms_1", round(one.p95()));
        figures.put("search_p99_ms_1", round(one.p99()));
        figures.put("search_p50_ms_8", round(eight.p50()));
        figures.put("search_p95_ms_8", round(eight.p95()));
        figures.put("search_p99_ms_8", round(eight.p99()));
        figures.put("number_p95_ms", round(number.p95()));
        figures.put("search_cpu_ms_1", round(cpuMillisPerSearch));
        figures.put("api_overhead_ms_median", round(one.overheadMedian()));
        figures.put("elasticsearch_share_pct_1", round(one.elasticsearchShare() * 100));
        figures.put("elasticsearch_share_pct_8", round(eight.elasticsearchShare() * 100));
        figures.put("search_failed", first.failed() + one.failed() + eight.failed() + number.failed());
        figures.put("rss_mb", round(serving.peakTotalMb()));
        figures.put("rss_file_mb", round(serving.peakFilePagesMb()));
        Map<String, Object> byProcess = new LinkedHashMap<>();
        serving.peakByProcessMb().forEach((name, mb) -> byProcess.put(name, round(mb)));
        figures.put("rss_mb_by_process", byProcess);
        for (var row : List.of(Map.entry("1 client, first after a start", first), Map.entry("1 client ", one),
                Map.entry(CLIENTS + " clients", eight), Map.entry("numbers  ", number))) {
            SearchLoad.Figures f = row.getValue();
            out.printf("Search, %s: %d requests, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; Elasticsearch's share %.0f %%, "
                    + "median beyond it %.1f ms; failed %d%n", row.getKey(), f.requests(), f.p50(), f.p95(), f.p99(),
                    f.elasticsearchShare() * 100, f.overheadMedian(), f.failed());
        }
        out.printf("CPU time of the whole stack (sohoa and both engines, not this client) per search at 1 client: %.1f ms%n",
                cpuMillisPerSearch);
        out.printf("Resident memory while serving (peak, MB): %s, whole stack %.0f, of which file pages (the index "
                + "mapped, jars) %.0f%n", byProcess, serving.peakTotalMb(), serving.peakFilePagesMb());
    }

    /**
     * Born-digital files dropped into the inbox at once, timed until every one is archived: the first
     * files after the start apart (Tika and the readers still loading and compiling), then the measured ones.
     */
    private static void ingest(TemporaryArchive archive, SyntheticRecords maker, int records, int count,
                               Map<String, Object> figures, PrintStream out) throws Exception {
        int firstCount = Math.max(1, count / 2);
        Dropped first = drop(archive, maker, records, firstCount, "bench-ingest-first");
        Dropped measured = drop(archive, maker, records + firstCount, count, "bench-ingest");
        figures.put("ingest_per_s_after_start", round(firstCount / first.seconds()));
        figures.put("ingest_per_s", round(count / measured.seconds()));
        figures.put("ingest_failed", first.failed() + measured.failed());
        out.printf("Ingested %d born-digital files through the inbox in %.1f s (%.1f/s) after %d first ones "
                + "(%.1f/s), failed %d%n", count, measured.seconds(), count / measured.seconds(), firstCount,
                firstCount / first.seconds(), first.failed() + measured.failed());
    }

    private record Dropped(double seconds, long failed) {
    }

    private static Dropped drop(TemporaryArchive archive, SyntheticRecords maker, int firstRecord, int count,
                                String dossier) throws Exception {
        Path staging = Files.createDirectories(archive.data().resolve("tmp").resolve(dossier));
        List<String> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SyntheticRecords.Made made = maker.make(firstRecord + i);
            String name = String.format(Locale.ROOT, "%05d %s", i, made.record().fileName());
            Files.write(staging.resolve(name), made.original());
            files.add(name);
        }
        long start = System.nanoTime();
        archive.drop(staging, files, dossier);
        archive.awaitFinished(files, dossier);
        double seconds = seconds(start);
        Path failedFolder = archive.data().resolve("failed").resolve(dossier);
        return new Dropped(seconds, files.stream().filter(f -> Files.exists(failedFolder.resolve(f))).count());
    }

    private static void print(Map<String, Object> f, PrintStream out) {
        out.printf("%n%d records (machine's figures; targets are for 2 cores, embedded engines, 100,000 records)%n",
                (Integer) f.get("records"));
        out.printf("  %-50s %10s %10s%n", "figure", "value", "target");
        row(out, "search p95, 1 client (ms)", f.get("search_p95_ms_1"), "<= " + (int) SEARCH_P95_1);
        row(out, "  the first searches after a start (ms)", f.get("search_p95_ms_1_after_start"), "");
        row(out, "search p95, 8 clients (ms)", f.get("search_p95_ms_8"), "<= " + (int) SEARCH_P95_8);
        row(out, "document-number search p95 (ms)", f.get("number_p95_ms"), "<= " + (int) NUMBER_P95);
        row(out, "API time beyond Elasticsearch's took, median (ms)", f.get("api_overhead_ms_median"),
                "<= " + (int) API_OVERHEAD);
        row(out, "reindex from storage (records/s)", f.get("reindex_per_s"), ">= " + (int) REINDEX_PER_S);
        row(out, "verify (records/s)", f.get("verify_per_s"), ">= " + (int) VERIFY_PER_S);
        row(out, "born-digital ingest (documents/s)", f.get("ingest_per_s"), ">= " + (int) INGEST_PER_S);
        row(out, "  the first files after a start (documents/s)", f.get("ingest_per_s_after_start"), "");
        row(out, "resident memory of the stack, serving (MB)", f.get("rss_mb"), "<= " + (int) RSS_MB);
        row(out, "  of which file pages: mapped index, jars (MB)", f.get("rss_file_mb"), "");
        row(out, "CPU of the stack per search, 1 client (ms)", f.get("search_cpu_ms_1"), "");
        row(out, "index on disk per record (bytes)", f.get("index_bytes_per_record"), "");
        row(out, "storage on disk per record (bytes)", f.get("storage_bytes_per_record"), "");
    }

    private static void row(PrintStream out, String name, Object value, String target) {
        out.printf("  %-50s %10s %10s%n", name, value, target);
    }

    /** Writes the figures as one JSON object. */
    public static void write(Map<String, Object> figures, Path file) throws IOException {
        Files.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(figures));
    }

    private static long folderSize(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
