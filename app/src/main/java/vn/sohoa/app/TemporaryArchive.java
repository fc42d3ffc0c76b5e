package vn.sohoa.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.sohoa.core.files.FileTrees;
import vn.sohoa.engines.FreePort;

/**
 * A fresh sohoa with its own embedded engines in a temporary data folder, for measuring: files are
 * dropped into one dossier of its inbox and waited for until each is in {@code done/} or
 * {@code failed/}. Closing stops it and deletes its data.
 */
public final class TemporaryArchive implements AutoCloseable {

    private final Path data;
    private final int port;
    private final Map<String, String> settings;
    private final Sohoa sohoa;
    private final String token;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private boolean closed;

    private TemporaryArchive(Path data, int port, Map<String, String> settings, Sohoa sohoa) throws Exception {
        this.data = data;
        this.port = port;
        this.settings = Map.copyOf(settings);
        this.sohoa = sohoa;
        this.token = sohoa.issueToken("admin", "measure");
    }

    public static TemporaryArchive start(Map<String, String> settings) throws Exception {
        Path data = Files.createTempDirectory("sohoa-measure-");
        int port = FreePort.onLoopback();
        Map<String, String> overrides = new HashMap<>(settings);
        overrides.put("sohoa.data.dir", data.toString());
        overrides.put("sohoa.http.port", Integer.toString(port));
        overrides.putIfAbsent("sohoa.ingest.stable-millis", "200");
        try {
            return new TemporaryArchive(data, port, overrides, Sohoa.start(overrides));
        } catch (Exception | Error e) {
            FileTrees.delete(data);
            throw e;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path data() {
        return data;
    }

    public Sohoa sohoa() {
        return sohoa;
    }

    /** Every setting it differs in from the defaults, its data folder and port included. */
    public Map<String, String> settings() {
        return settings;
    }

    /** A token of its first admin, who may read everything in it. */
    public String token() {
        return token;
    }

    /** Copies the files aside first, then moves them all into the dossier at once. */
    public void drop(Path from, List<String> files, String dossier) throws IOException {
        Path staging = Files.createDirectories(data.resolve("staging"));
        for (String file : files) {
            Files.copy(from.resolve(file), staging.resolve(file));
        }
        Path inbox = Files.createDirectories(data.resolve("inbox").resolve(dossier));
        for (String file : files) {
            Files.move(staging.resolve(file), inbox.resolve(file));
        }
    }

    public void awaitFinished(List<String> files, String dossier) throws InterruptedException {
        Path done = data.resolve("done").resolve(dossier);
        Path failed = data.resolve("failed").resolve(dossier);
        while (!files.stream().allMatch(f -> Files.exists(done.resolve(f)) || Files.exists(failed.resolve(f)))) {
            Thread.sleep(50);
        }
    }

    /** Stops it and keeps its data folder, for another process to serve (until {@link #close}). */
    public void stop() throws Exception {
        if (stopped.compareAndSet(false, true)) {
            sohoa.close();
        }
    }

    /**
     * Stops it and deletes its data folder; once, whoever asks first. Whoever asks meanwhile (a shutdown
     * hook on Ctrl-C) waits until the folder is gone, so the process does not end halfway through.
     */
    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        FileTrees.delete(data);
    }

    /** {@link #close}, for a shutdown hook: a failure is printed, not thrown. */
    public void closeQuietly() {
        try {
            close();
        } catch (Exception e) {
            System.err.println("sohoa: could not remove " + data + ": " + e.getMessage());
        }
    }
}
