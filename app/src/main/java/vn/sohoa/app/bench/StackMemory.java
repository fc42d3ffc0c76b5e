package vn.sohoa.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resident memory (Linux {@code VmRSS}) of a sohoa process and of each engine it started,
 * sampled in the background while something runs: the highest of each and of their sum, and of the
 * sum of their file pages ({@code RssFile}: mostly Elasticsearch's index read through memory maps,
 * which the kernel drops and reads again when memory is short, and the jars).
 */
final class StackMemory implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 200;

    private final ProcessHandle sohoa;
    private final Map<String, Long> peakByProcess = new ConcurrentHashMap<>();
    private volatile long peakTotal;
    private volatile long peakFilePages;
    private final Thread sampler;

    private StackMemory(ProcessHandle sohoa) {
        this.sohoa = sohoa;
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sample();
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "stack-memory");
        sampler.setDaemon(true);
    }

    static StackMemory of(ProcessHandle sohoa) {
        StackMemory memory = new StackMemory(sohoa);
        memory.sample();
        memory.sampler.start();
        return memory;
    }

    /** The highest sum seen, in MB. */
    double peakTotalMb() {
        return peakTotal / 1024.0 / 1024.0;
    }

    /** The highest sum of file pages seen, in MB. */
    double peakFilePagesMb() {
        return peakFilePages / 1024.0 / 1024.0;
    }

    /** The highest seen of each process, in MB, by name. */
    Map<String, Double> peakByProcessMb() {
        Map<String, Double> mb = new TreeMap<>();
        peakByProcess.forEach((name, bytes) -> mb.put(name, bytes / 1024.0 / 1024.0));
        return mb;
    }

    @Override
    public void close() throws InterruptedException {
        sampler.interrupt();
        sampler.join();
        sample();
    }

    private synchronized void sample() {
        Map<String, Long> now = new TreeMap<>();
        long[] filePages = {status(sohoa.pid(), "RssFile:")};
        now.merge("sohoa", status(sohoa.pid(), "VmRSS:"), Long::sum);
        sohoa.descendants().forEach(p -> {
            now.merge(nameOf(p), status(p.pid(), "VmRSS:"), Long::sum);
            filePages[0] += status(p.pid(), "RssFile:");
        });
        long total = now.values().stream().mapToLong(Long::longValue).sum();
        now.forEach((name, bytes) -> peakByProcess.merge(name, bytes, Math::max));
        peakTotal = Math.max(peakTotal, total);
        peakFilePages = Math.max(peakFilePages, filePages[0]);
    }

    private static String nameOf(ProcessHandle process) {
        String command = process.info().commandLine().orElse("");
        if (command.contains("org.elasticsearch.bootstrap.Elasticsearch")) {
            return "elasticsearch";
        }
        if (command.contains("elasticsearch")) {
            return "elasticsearch launcher";
        }
        if (command.contains("s3proxy")) {
            return "s3proxy";
        }
        return "other";
    }

    /** A size line of {@code /proc/PID/status} ({@code VmRSS:}, {@code RssFile:}), in bytes. */
    private static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
