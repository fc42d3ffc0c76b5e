package vn.sohoa.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.sohoa.core.config.Settings;
import vn.sohoa.core.document.Json;

/**
 * sohoa serving a data folder in a process of its own, as {@code ./sohoa run} serves it, with this
 * JVM's options: what a benchmark measures of sohoa (its memory, its CPU) is then sohoa's alone,
 * not that of the records the benchmark built in its own heap nor of the load it sends.
 */
final class ServedArchive implements AutoCloseable {

    private static final Duration START = Duration.ofMinutes(5);
    private static final Duration STOP = Duration.ofMinutes(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final SohoaChild process;

    private ServedArchive(SohoaChild process) {
        this.process = process;
    }

    /**
     * Starts it and waits until its health is UP.
     * @param settings every setting it differs in from the defaults, its data folder and port included
     */
    static ServedArchive start(Map<String, String> settings, Path log) throws IOException, InterruptedException {
        Map<String, String> environment = new HashMap<>();
        settings.forEach((key, value) -> environment.put(Settings.environmentName(key), value));
        ServedArchive served = new ServedArchive(SohoaChild.start(ManagementFactory.getRuntimeMXBean().getInputArguments(),
                List.of("run"), environment, log, STOP));
        String health = "http://127.0.0.1:" + settings.get("sohoa.http.port") + "/api/health";
        long deadline = System.nanoTime() + START.toNanos();
        while (!served.isUp(health)) {
            if (!served.process.isAlive() || System.nanoTime() > deadline) {
                served.close();
                throw new IOException("sohoa serving the archive did not start; its output is in " + log);
            }
            Thread.sleep(500);
        }
        return served;
    }

    /** The process, whose descendants are its embedded engines. */
    ProcessHandle handle() {
        return process.handle();
    }

    private boolean isUp(String health) throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(health))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode status = Json.MAPPER.readTree(response.body());
            return response.statusCode() == 200 && "UP".equals(status.path("status").asText());
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops it as an operator would (its engines stop with it); once it has stopped, a second call does nothing. */
    @Override
    public void close() {
        process.close();
    }
}
