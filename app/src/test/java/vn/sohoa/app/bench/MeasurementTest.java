package vn.sohoa.app.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class MeasurementTest {

    /** About half a CPU second of shell arithmetic. */
    private static final String BUSY = "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done";

    /**
     * The child counted once, as much as it says it spent itself (the shell's {@code times}): what
     * this JVM spent meanwhile on its own threads (the compilers, at a test class's start) is taken
     * off. Counted twice, or not at all, it would be about double or nothing.
     */
    @Test
    void countsTheCpuOfAChildThatFinished() throws Exception {
        double ownBefore = ownCpuSeconds();
        Measurement measurement = Measurement.start();
        Process shell = new ProcessBuilder("sh", "-c", BUSY + "; times").start();
        String times = new String(shell.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        shell.waitFor();
        double child = measurement.cpuSecondsSince() - (ownCpuSeconds() - ownBefore);
        double reported = shellSeconds(times);
        assertTrue(reported > 0.1, "the shell's own times: " + times);
        assertTrue(Math.abs(child - reported) < reported / 2, "CPU of the child " + child + ", the shell's own " + times);
    }

    /** The first line of {@code times}: the shell's user and system time, as {@code 0m0.260000s 0m0.000000s}. */
    private static double shellSeconds(String times) {
        Matcher matcher = Pattern.compile("(\\d+)m([\\d.]+)s").matcher(times.lines().findFirst().orElseThrow());
        double seconds = 0;
        for (int i = 0; i < 2 && matcher.find(); i++) {
            seconds += Integer.parseInt(matcher.group(1)) * 60 + Double.parseDouble(matcher.group(2));
        }
        return seconds;
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
