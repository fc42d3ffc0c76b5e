package vn.sohoa.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Wall time and CPU time from one moment on. The CPU time is that of this process and of every
 * process it started, running (the embedded engines) or finished and waited for (the peers' runs),
 * as Linux's {@code /proc} counts it; elsewhere it is NaN.
 */
final class Measurement {

    /** Linux reports the times in {@code /proc/PID/stat} in these ticks a second. */
    private static final double TICKS_PER_SECOND = 100;

    private final long startNanos = System.nanoTime();
    private final double startCpu = cpuSeconds();

    private Measurement() {
    }

    static Measurement start() {
        return new Measurement();
    }

    double wallSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    double cpuSecondsSince() {
        return cpuSeconds() - startCpu;
    }

    private static double cpuSeconds() {
        double running = ProcessHandle.current().descendants()
                .mapToDouble(p -> p.info().totalCpuDuration().map(Measurement::seconds).orElse(0.0))
                .sum();
        return ownAndWaitedFor() + running;
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
