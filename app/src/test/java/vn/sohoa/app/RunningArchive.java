package vn.sohoa.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.files.FileTrees;
import vn.sohoa.core.storage.Checksums;
import vn.sohoa.engines.FreePort;

/**
 * One sohoa for the whole test run, started exactly as {@code ./sohoa run} starts it: the same
 * launcher code starts a real Elasticsearch node and a real S3 server as child processes, and real
 * Tesseract reads the pages. Stopped when the run ends.
 */
public final class RunningArchive implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private static RunningArchive instance;

    private final Path data;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private Sohoa sohoa;
    private String token;

    private RunningArchive(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    /** Starts the shared archive at the first test class that asks for it; the run's end stops it. */
    public static final class Extension implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
            synchronized (RunningArchive.class) {
                if (instance == null) {
                    Path data = Path.of(System.getProperty("sohoa.it.data", "target/it-data")).toAbsolutePath();
                    deleteTree(data);
                    instance = new RunningArchive(data, FreePort.onLoopback());
                    instance.start();
                    store.put(RunningArchive.class.getName(), instance);
                }
            }
        }
    }

    public static RunningArchive get() {
        return instance;
    }

    private void start() throws Exception {
        sohoa = Sohoa.start(Map.of(
                "sohoa.data.dir", data.toString(),
                "sohoa.http.port", Integer.toString(port),
                "sohoa.ingest.stable-millis", "1000",
                "sohoa.batch.cron", "0/2 * * * * ?",
                "sohoa.engines.restart-seconds", "15",
                "sohoa.engines.dir", System.getProperty("sohoa.engines.dir")));
        token = sohoa.issueToken("admin", "tests");
    }

    /** A token of the first admin (highest clearance); {@link #get} and {@link #send} use it. */
    public String token() {
        return token;
    }

    /** The first admin's password, as sohoa wrote it on its first start. */
    public String adminPassword() throws IOException {
        return Files.readString(data.resolve("admin-password.txt")).strip();
    }

    /** Stops everything, engines included, and starts again on the same data folder. */
    public void restart() throws Exception {
        sohoa.close();
        start();
    }

    @Override
    public void close() throws Exception {
        sohoa.close();
    }

    public Path data() {
        return data;
    }

    public Path inbox() {
        return data.resolve("inbox");
    }

    /** Writes the bytes into the inbox at once (through a temporary name) and returns their document id. */
    public String drop(String relativePath, byte[] bytes) throws IOException {
        Path target = inbox().resolve(relativePath);
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Files.write(part, bytes);
        Files.move(part, target);
        return sha256(bytes);
    }

    public static String sha256(byte[] bytes) {
        return Checksums.sha256(bytes);
    }

    /** Waits until the document reaches the state (ARCHIVED, DUPLICATE, FAILED...). */
    public void awaitState(String id, String state) throws InterruptedException {
        await(Duration.ofMinutes(2), id + " to be " + state, () -> {
            try {
                return state.equals(getJson("/api/ingest/" + id).path("state").asText());
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    public Sohoa sohoa() {
        return sohoa;
    }

    public static Path corpus() {
        return Path.of(System.getProperty("sohoa.corpus.dir", "../testdata/corpus")).toAbsolutePath().normalize();
    }

    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port + pathAndQuery;
    }

    /** GET as the first admin. */
    public HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).GET().build());
    }

    public JsonNode getJson(String pathAndQuery) throws IOException, InterruptedException {
        return Json.MAPPER.readTree(get(pathAndQuery).body());
    }

    /** Sends the request as the first admin, unless it says who it is itself (a token or a session cookie). */
    public HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        boolean saysWho = request.headers().firstValue("Authorization").isPresent()
                || request.headers().firstValue("Cookie").isPresent();
        HttpRequest asAdmin = saysWho ? request
                : HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", "Bearer " + token).build();
        return http.send(asAdmin, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends the request exactly as it is: without a token, nobody is signed in. */
    public HttpResponse<byte[]> sendAsIs(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Kills an embedded engine outright by its pid file under {@code engines/} (the launcher starts it
     * again after a while in these tests).
     */
    void killEngine(String pidFile) throws Exception {
        // sohoa's pid files hold the pid and the process's start; Elasticsearch's own holds its pid alone.
        long pid = Long.parseLong(Files.readString(data().resolve("engines").resolve(pidFile)).trim().split(" ")[0]);
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().get();
    }

    /** Polls until the condition holds; fails with the message when the time is up. */
    public static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(250);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            FileTrees.delete(dir);
        }
    }
}
