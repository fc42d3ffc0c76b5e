package vn.sohoa.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.sohoa.core.config.Settings;
import vn.sohoa.core.document.Json;
import vn.sohoa.engines.FreePort;

/**
 * A sohoa of its own, in its own JVM started from the built distribution the way {@code ./sohoa run}
 * starts it, on its own data folder and pointed at the engines of the shared archive, so that a
 * test can kill it with SIGKILL. When the tests run as root it runs as {@code nobody}, from a copy
 * of the distribution that user can read, so that file permissions mean what they mean for an
 * archivist's account.
 */
final class SohoaProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path data;
    private final Settings engines;
    private final String heap;
    private final Path lib;
    private final boolean asNobody;
    private final int port = FreePort.onLoopback();
    private final Map<String, String> settings = new java.util.HashMap<>();
    private Process process;
    private int workers;

    private SohoaProcess(Path data, Settings engines, String heap, Path lib, boolean asNobody) {
        this.data = data;
        this.engines = engines;
        this.heap = heap;
        this.lib = lib;
        this.asNobody = asNobody;
    }

    /**
     * Prepares a data folder in a new temporary folder (owned by the user sohoa runs as);
     * {@link #start()} starts it.
     */
    static SohoaProcess create(Settings engines, String heap) throws IOException {
        boolean asNobody = "root".equals(System.getProperty("user.name"));
        Path home = Files.createTempDirectory("sohoa-process-");
        Path lib = Path.of(System.getProperty("sohoa.dist")).resolve("lib");
        if (asNobody) {
            lib = readableCopy(lib, home.resolve("lib"));
        }
        Path data = home.resolve("data");
        Files.createDirectories(data.resolve("inbox"));
        if (asNobody) {
            for (Path owned : List.of(home, data, data.resolve("inbox"))) {
                giveToNobody(owned);
            }
        }
        return new SohoaProcess(data, engines, heap, lib, asNobody);
    }

    /** A setting of the process, as its environment variable ({@code SOHOA_OCR_THREADS}), from its next start. */
    SohoaProcess with(String variable, String value) {
        settings.put(variable, value);
        return this;
    }

    /** The process id: OCR workers are named after it. */
    long pid() {
        return process.pid();
    }

    /**
     * An OCR worker in a JVM of its own, started as {@code ./sohoa ocr-worker --data DIR} starts it,
     * joining this process; the caller kills or stops it.
     */
    Process startWorker(int threads) throws IOException {
        List<String> command = new ArrayList<>();
        if (asNobody) {
            command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", lib + "/*", "vn.sohoa.app.SohoaCli", "ocr-worker", "--data", data.toString(), "--threads",
                Integer.toString(threads)));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        data.resolveSibling("worker-" + (++workers) + ".log").toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("SOHOA_"));
        env.put("HOME", data.toString());
        env.put("LANG", "C.UTF-8");
        env.put("OMP_THREAD_LIMIT", "1");
        return builder.start();
    }

    Path inbox() {
        return data.resolve("inbox");
    }

    Path data() {
        return data;
    }

    boolean runsAsAnotherUser() {
        return asNobody;
    }

    /** Starts the process and waits until its API answers. */
    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asNobody) {
            command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-Xlog:gc:file=" + gcLog(),
                "-cp", lib + "/*", "vn.sohoa.app.SohoaCli", "run", "--data", data.toString(), "--port",
                Integer.toString(port)));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("SOHOA_"));
        env.put("HOME", data.toString());
        env.put("LANG", "C.UTF-8");
        env.put("OMP_THREAD_LIMIT", "1");
        env.put("SOHOA_ES_URL", engines.elasticsearchUrl());
        env.put("SOHOA_S3_ENDPOINT", engines.s3Endpoint());
        env.put("SOHOA_S3_ACCESS_KEY", engines.s3AccessKey());
        env.put("SOHOA_S3_SECRET_KEY", engines.s3SecretKey());
        env.put("SOHOA_INGEST_STABLE_MILLIS", "500");
        env.putAll(settings);
        process = builder.start();
        RunningArchive.await(Duration.ofMinutes(2), "the sohoa process to answer", this::answers);
    }

    /** SIGKILL: no shutdown hook, no cleanup, as at a power cut. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Stops the process as Ctrl-C does. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    /** Asks the process to stop as Ctrl-C does; whether it ended within that time (it is left running if not). */
    boolean stopWithin(Duration time) throws InterruptedException {
        process.destroy();
        return process.waitFor(time.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the process and deletes its folder. */
    @Override
    public void close() throws InterruptedException, IOException {
        stop();
        RunningArchive.deleteTree(data.getParent());
    }

    /**
     * The most heap the process held, in MB, right after a collection that had found what is live
     * (G1's remark and cleanup pauses, or a full GC); after any collection when there was none.
     * Young collections alone would count garbage the next marking frees.
     */
    long liveHeapMegabytes() throws IOException {
        Pattern after = Pattern.compile("->(\\d+)M\\(");
        long marked = 0;
        long any = 0;
        for (String line : Files.readAllLines(gcLog())) {
            Matcher m = after.matcher(line);
            if (m.find()) {
                long megabytes = Long.parseLong(m.group(1));
                any = Math.max(any, megabytes);
                if (line.contains("Pause Remark") || line.contains("Pause Cleanup") || line.contains("Pause Full")) {
                    marked = Math.max(marked, megabytes);
                }
            }
        }
        return marked > 0 ? marked : any;
    }

    /** The workers its {@code /api/health} lists as seen lately; none while it does not answer. */
    List<JsonNode> workersSeen() {
        try {
            List<JsonNode> workers = new ArrayList<>();
            getJson("/api/health").path("workers").forEach(workers::add);
            return workers;
        } catch (Exception e) {
            return List.of();
        }
    }

    /** GET on the process' API as the shared archive's admin: both read the same accounts and tokens from storage. */
    JsonNode getJson(String pathAndQuery) throws IOException, InterruptedException {
        return Json.MAPPER.readTree(get(pathAndQuery).body());
    }

    HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
        return get(pathAndQuery, RunningArchive.get().token());
    }

    HttpResponse<byte[]> get(String pathAndQuery, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private Path gcLog() {
        return data.resolveSibling("gc.log");
    }

    Path log() {
        return data.resolveSibling("sohoa.log");
    }

    /**
     * The process's threads as they are now (SIGQUIT makes the JVM print them to its output), for a
     * test that finds it stuck.
     */
    String threadDump() throws IOException, InterruptedException {
        long before = Files.size(log());
        new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid())).inheritIO().start().waitFor();
        Thread.sleep(2000);
        byte[] all = Files.readAllBytes(log());
        return new String(all, (int) Math.min(before, all.length), (int) (all.length - Math.min(before, all.length)),
                StandardCharsets.UTF_8);
    }

    /** The lines of the log, since the first start, that match the pattern. */
    String logLines(String pattern) {
        try (Stream<String> lines = Files.lines(log())) {
            return lines.filter(Pattern.compile(pattern).asPredicate())
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private boolean answers() {
        if (!process.isAlive()) {
            throw new AssertionError("The sohoa process stopped at start:\n" + logTail());
        }
        try {
            HttpResponse<Void> health = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return health.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path readableCopy(Path lib, Path copy) throws IOException {
        Files.createDirectories(copy);
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, copy.resolve(jar.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return copy;
    }

    private static void giveToNobody(Path path) throws IOException {
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(path, users.lookupPrincipalByName("nobody"));
    }
}
