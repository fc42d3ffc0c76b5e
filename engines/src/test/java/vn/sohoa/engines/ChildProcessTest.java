package vn.sohoa.engines;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.core.process.ProcessIdentity;

class ChildProcessTest {

    @TempDir
    Path dir;

    @Test
    void anEngineLeftRunningByAKilledSohoaIsStopped() throws Exception {
        Process leftover = new ProcessBuilder("sleep", "60").start();
        try {
            Path pidFile = writePidFile(ProcessIdentity.of(leftover.toHandle()).toString());
            ChildProcess.stopLeftover("test engine", pidFile);
            assertTrue(leftover.waitFor(10, TimeUnit.SECONDS), "the leftover engine is stopped");
            assertFalse(Files.exists(pidFile));
        } finally {
            leftover.destroyForcibly();
        }
    }

    @Test
    void aProcessThatHasTheLeftoverPidSinceIsLeftAlone() throws Exception {
        Process unrelated = new ProcessBuilder("sleep", "60").start();
        try {
            Path pidFile = writePidFile(unrelated.pid() + " 1700000000000");
            ChildProcess.stopLeftover("test engine", pidFile);
            assertTrue(unrelated.isAlive());
            assertFalse(Files.exists(pidFile));
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void aPidFileCutShortByAKillIsDropped() throws Exception {
        Path pidFile = writePidFile("");
        ChildProcess.stopLeftover("test engine", pidFile);
        assertFalse(Files.exists(pidFile));
    }

    private Path writePidFile(String content) throws Exception {
        Path pidFile = dir.resolve("engine.pid");
        Files.writeString(pidFile, content);
        return pidFile;
    }
}
