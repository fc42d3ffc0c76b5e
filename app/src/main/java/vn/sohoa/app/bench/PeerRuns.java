package vn.sohoa.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The two peers, run as a user would run them, each on the same pages. */
final class PeerRuns {

    private PeerRuns() {
    }

    /** {@code tesseract FILE stdout -l vie}, two processes at a time, one thread each. */
    static EngineRun tesseract(ScannedCorpus corpus, String language) throws Exception {
        Path work = PeerInputs.workDir();
        Map<String, List<Path>> inputs = new LinkedHashMap<>();
        for (ScannedCorpus.Document doc : corpus.documents()) {
            inputs.put(doc.file(), PeerInputs.forTesseract(corpus.dir().resolve(doc.file()), work));
        }
        ExecutorService two = Executors.newFixedThreadPool(2);
        Measurement measurement = Measurement.start();
        Map<String, List<Future<String>>> outputs = new LinkedHashMap<>();
        inputs.forEach((file, pages) -> {
            List<Future<String>> futures = new ArrayList<>();
            for (Path page : pages) {
                futures.add(two.submit(() -> run(List.of("tesseract", page.toString(), "stdout", "-l", language))));
            }
            outputs.put(file, futures);
        });
        Map<String, List<String>> pagesByFile = new LinkedHashMap<>();
        for (Map.Entry<String, List<Future<String>>> output : outputs.entrySet()) {
            List<String> pages = new ArrayList<>();
            for (Future<String> page : output.getValue()) {
                pages.addAll(splitPages(page.get()));
            }
            pagesByFile.put(output.getKey(), pages);
        }
        double seconds = measurement.wallSeconds();
        double cpuSeconds = measurement.cpuSecondsSince();
        two.shutdown();
        return new EngineRun("tesseract -l " + language, seconds, cpuSeconds, pagesByFile);
    }

    /** {@code ocrmypdf -l vie --jobs 2 --rotate-pages --deskew --sidecar}, one document after another. */
    static EngineRun ocrmypdf(ScannedCorpus corpus, String language) throws Exception {
        Path work = PeerInputs.workDir();
        Map<String, Path> inputs = new LinkedHashMap<>();
        for (ScannedCorpus.Document doc : corpus.documents()) {
            inputs.put(doc.file(), PeerInputs.forOcrmypdf(corpus.dir().resolve(doc.file()), work));
        }
        Measurement measurement = Measurement.start();
        Map<String, List<String>> pagesByFile = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, Path> input : inputs.entrySet()) {
            Path sidecar = work.resolve("sidecar-" + n + ".txt");
            Path output = work.resolve("out-" + n++ + ".pdf");
            run(List.of("ocrmypdf", "-q", "-l", language, "--jobs", "2", "--rotate-pages", "--deskew", "--sidecar",
                    sidecar.toString(), input.getValue().toString(), output.toString()));
            pagesByFile.put(input.getKey(), splitPages(Files.readString(sidecar)));
        }
        return new EngineRun("ocrmypdf --jobs 2", measurement.wallSeconds(), measurement.cpuSecondsSince(), pagesByFile);
    }

    static boolean installed(String command) {
        try {
            return new ProcessBuilder(command, "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static List<String> splitPages(String text) {
        String trimmed = text.endsWith("\f") ? text.substring(0, text.length() - 1) : text;
        return Arrays.asList(trimmed.split("\f", -1));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process process = builder.start();
        String out;
        try (InputStream in = process.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit code " + process.exitValue());
        }
        return out;
    }
}
