package vn.sohoa.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Wall time and CPU time from one moment on. The CPU time is that of this process and of every
 * process it started, running (the embedded engines) or finished and waited for (the peers' runs),
 * as Linux's {@code /proc} counts it, elsewhere NaN; or that of one running process and its own.
 */
final class Measurement {

    /** Linux reports the times in {@code /proc/PID/stat} in these ticks a second. */
    private static final double TICKS_PER_SECOND = 100;

    private final ProcessHandle running;
    private final long startNanos = System.nanoTime();
    private final double startCpu;

    private Measurement(ProcessHandle running) {
        this.running = running;
        this.startCpu = cpuSeconds();
    }

    static Measurement start() {
        return new Measurement(null);
    }

    /** The CPU time of that process and its descendants, all running (a served sohoa and its engines). */
    static Measurement of(ProcessHandle process) {
        return new Measurement(process);
    }

    double wallSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    double cpuSecondsSince() {
        return cpuSeconds() - startCpu;
    }

    private double cpuSeconds() {
        if (running != null) {
            return Stream.concat(Stream.of(running), running.descendants()).mapToDouble(Measurement::cpuSeconds).sum();
        }
        return ownAndWaitedFor() + ProcessHandle.current().descendants().mapToDouble(Measurement::cpuSeconds).sum();
    }

    private static double cpuSeconds(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Measurement::seconds).orElse(0.0);
    }

    /** This process's user and system time and that of its children that finished (utime, stime, cutime, cstime). */
    private static double ownAndWaitedFor() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = 0;
            for (int i = 11; i <= 14; i++) {
                ticks += Long.parseLong(fields[i]);
            }
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
