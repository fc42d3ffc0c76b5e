package vn.sohoa.engines;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.sohoa.core.files.WholeFile;
import vn.sohoa.core.process.ProcessIdentity;

/**
 * An engine run as a child process that sohoa owns: its pid and start are written beside its data,
 * so that an engine left behind by a killed sohoa is stopped before a new one takes the same data
 * (and no other process that has its pid since), and it is stopped with its own children when sohoa
 * exits.
 */
final class ChildProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);

    private final String name;
    private final Process process;
    private final Path pidFile;
    private final Path console;

    private ChildProcess(String name, Process process, Path pidFile, Path console) {
        this.name = name;
        this.process = process;
        this.pidFile = pidFile;
        this.console = console;
    }

    static ChildProcess start(String name, ProcessBuilder builder, Path pidFile, Path console) throws IOException {
        stopLeftover(name, pidFile);
        Files.createDirectories(console.getParent());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
        Process process = builder.start();
        WholeFile.write(pidFile, ProcessIdentity.of(process.toHandle()).toString());
        LOG.info("Started {} (pid {}), output in {}", name, process.pid(), console);
        return new ChildProcess(name, process, pidFile, console);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Polls {@code healthy} until it answers true, the process dies or the timeout passes. */
    void awaitHealthy(Duration timeout, HealthCheck healthy) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException(name + " stopped while starting (exit code " + process.exitValue() + "). "
                        + "Last lines of " + console + ":\n" + tail());
            }
            if (healthy.check()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IOException(name + " did not become healthy within " + timeout.toSeconds() + " s. "
                        + "Last lines of " + console + ":\n" + tail());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for " + name, e);
            }
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            LOG.info("Stopping {} (pid {})", name, process.pid());
            stopWithChildren(process.toHandle());
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", pidFile, e.getMessage());
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(console, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    static void stopLeftover(String name, Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> leftover = ProcessIdentity.parse(Files.readString(pidFile))
                .flatMap(ProcessIdentity::running);
        if (leftover.isPresent()) {
            LOG.warn("Stopping {} left running by an earlier sohoa (pid {})", name, leftover.get().pid());
            stopWithChildren(leftover.get());
        }
        Files.deleteIfExists(pidFile);
    }

    /** Asks the process to stop, then its children (an engine's launcher may have started its server). */
    private static void stopWithChildren(ProcessHandle process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        waitFor(process, Duration.ofSeconds(30));
        children.forEach(child -> {
            child.destroy();
            waitFor(child, Duration.ofSeconds(10));
        });
    }

    private static void waitFor(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
        }
    }

    @FunctionalInterface
    interface HealthCheck {
        boolean check();
    }
}
