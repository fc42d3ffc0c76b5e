package vn.sohoa.app.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeasurementTest {

    /** About half a CPU second of shell arithmetic. */
    private static final String BUSY = "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done";

    /**
     * The child counted once: what this JVM spent meanwhile on its own threads (the compilers, at a
     * test class's start) is taken off, and a single-threaded child cannot use more than the wall time.
     */
    @Test
    void countsTheCpuOfAChildThatFinished() throws Exception {
        double ownBefore = ownCpuSeconds();
        Measurement measurement = Measurement.start();
        new ProcessBuilder("sh", "-c", BUSY).start().waitFor();
        double child = measurement.cpuSecondsSince() - (ownCpuSeconds() - ownBefore);
        assertTrue(child > 0.1 && child <= measurement.wallSeconds() + 0.05, "CPU of the child " + child);
    }

    private static double ownCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos() / 1e9;
    }

    @Test
    void countsTheCpuOfAChildStillRunning() throws Exception {
        Measurement measurement = Measurement.start();
        Process child = new ProcessBuilder("sh", "-c", BUSY + "; sleep 5").start();
        try {
            Thread.sleep(1500);
            assertTrue(measurement.cpuSecondsSince() > 0.1, "CPU " + measurement.cpuSecondsSince());
        } finally {
            child.destroy();
        }
    }
}
