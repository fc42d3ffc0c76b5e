package vn.sohoa.app.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeasurementTest {

    /** About half a CPU second of shell arithmetic. */
    private static final String BUSY = "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done";

    @Test
    void countsTheCpuOfAChildThatFinished() throws Exception {
        Measurement measurement = Measurement.start();
        new ProcessBuilder("sh", "-c", BUSY).start().waitFor();
        double cpu = measurement.cpuSecondsSince();
        assertTrue(cpu > 0.1 && cpu <= measurement.wallSeconds() * 1.5 + 0.1, "CPU " + cpu);
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
