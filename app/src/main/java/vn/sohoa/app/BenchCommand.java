package vn.sohoa.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.camel.impl.DefaultCamelContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.sohoa.app.bench.AccessBenchmark;
import vn.sohoa.app.bench.FileTorture;
import vn.sohoa.app.bench.OcrBenchmark;
import vn.sohoa.app.bench.OcrVariants;
import vn.sohoa.app.bench.ScaleBenchmark;
import vn.sohoa.app.bench.WorkerBenchmark;

@Command(name = "bench", description = "Measures sohoa against its peers and prints the figures.",
        subcommands = {BenchCommand.Ocr.class, BenchCommand.Variants.class, BenchCommand.Access.class,
            BenchCommand.Files.class, BenchCommand.Scale.class, BenchCommand.Workers.class})
final class BenchCommand {

    /** What every OCR measure reads: a corpus's scanned pages, in a language. */
    static final class Corpus {

        @Parameters(index = "0", paramLabel = "CORPUS_DIR",
                description = "Corpus folder (with truth.jsonl), e.g. ../shared/corpus")
        Path dir;

        @Option(names = "--language", defaultValue = "vie", description = "Tesseract languages (default vie).")
        String language;
    }

    @Command(name = "ocr", description = "OCR speed and accuracy of sohoa, plain Tesseract and OCRmyPDF on the "
            + "scanned pages of a corpus with a truth.jsonl.")
    static final class Ocr implements Callable<Integer> {

        @Mixin
        Corpus corpus;

        @Override
        public Integer call() throws Exception {
            OcrBenchmark.run(corpus.dir, corpus.language, new PrintStream(System.out, true, StandardCharsets.UTF_8));
            return 0;
        }
    }

    @Command(name = "workers", description = "Pages per minute with the in-process OCR workers, one worker "
            + "process and two (one Tesseract thread each), and the CPU a page's hand-off through the broker and "
            + "storage costs, on the scanned pages of a corpus with a truth.jsonl.")
    static final class Workers implements Callable<Integer> {

        @Mixin
        Corpus corpus;

        @Option(names = "--hand-off-only", description = "Measure only the CPU of a page's hand-off, not the pages per minute.")
        boolean handOffOnly;

        @Override
        public Integer call() throws Exception {
            WorkerBenchmark.run(corpus.dir, corpus.language, handOffOnly,
                    new PrintStream(System.out, true, StandardCharsets.UTF_8));
            return 0;
        }
    }

    @Command(name = "variants", description = "OCR accuracy of sohoa on the scanned pages of a corpus with a "
            + "truth.jsonl, each page also turned, skewed, at other resolutions, in black and white, compressed, "
            + "yellowed, with dark edges and photographed on a desk.")
    static final class Variants implements Callable<Integer> {

        @Mixin
        Corpus corpus;

        @Override
        public Integer call() throws Exception {
            Path tessdata = Sohoa.settings(new DefaultCamelContext(), Map.of()).tessdata();
            OcrVariants.run(corpus.dir, tessdata, corpus.language,
                    new PrintStream(System.out, true, StandardCharsets.UTF_8));
            return 0;
        }
    }

    @Command(name = "access", description = "What signing in and the clearance filter cost a search, over the "
            + "queries.jsonl of a corpus archived in a fresh archive.")
    static final class Access implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "CORPUS_DIR", description = "Corpus folder (with queries.jsonl)")
        Path dir;

        @Override
        public Integer call() throws Exception {
            AccessBenchmark.run(dir, new PrintStream(System.out, true, StandardCharsets.UTF_8));
            return 0;
        }
    }

    @Command(name = "files", description = "Drops every file of a folder into a fresh archive and counts what "
            + "became of them: archived, duplicates, failed with and without a reason, still waiting.")
    static final class Files implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "DIR", description = "Folder of files, e.g. pdf.js's test/pdfs")
        Path dir;

        @Option(names = "--idle-minutes", defaultValue = "10",
                description = "Stop waiting once no file has left the inbox for this long.")
        int idleMinutes;

        @Override
        public Integer call() throws Exception {
            FileTorture.run(dir, java.time.Duration.ofMinutes(idleMinutes),
                    new PrintStream(System.out, true, StandardCharsets.UTF_8));
            return 0;
        }
    }

    @Command(name = "scale", description = "Builds an archive of many records from a corpus's texts and metadata "
            + "(no OCR) in a temporary folder, reindexes it, and measures search through the API at 1 and 8 clients, "
            + "reindex, verify, born-digital ingest and the stack's resident memory against their targets.")
    static final class Scale implements Callable<Integer> {

        @Parameters(index = "0", arity = "0..1", paramLabel = "CORPUS_DIR",
                description = "Corpus folder with truth.jsonl and queries.jsonl (default: the repository's testdata/corpus)")
        Path dir;

        @Option(names = "--records", defaultValue = "100000", description = "Records in the archive (default 100000).")
        int records;

        @Option(names = "--queries", defaultValue = "600",
                description = "Searches each latency measure makes (the 8 clients make twice as many; default 600).")
        int queries;

        @Option(names = "--ingest", defaultValue = "200", description = "Born-digital files dropped into the inbox (default 200).")
        int ingest;

        @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures to this JSON file.")
        Path json;

        @Override
        public Integer call() throws Exception {
            if (records < 100 || queries < 50 || ingest < 1) {
                throw new IllegalArgumentException("--records must be at least 100, --queries at least 50, --ingest at least 1");
            }
            Path corpus = dir != null ? dir : RepositoryFolders.testCorpus();
            if (!java.nio.file.Files.isRegularFile(corpus.resolve("truth.jsonl"))) {
                throw new IllegalArgumentException(corpus + " has no truth.jsonl");
            }
            Map<String, Object> figures = ScaleBenchmark.run(corpus, records, queries, ingest, Map.of(),
                    new PrintStream(System.out, true, StandardCharsets.UTF_8));
            if (json != null) {
                ScaleBenchmark.write(figures, json);
            }
            return 0;
        }
    }
}
