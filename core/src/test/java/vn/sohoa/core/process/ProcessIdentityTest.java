package vn.sohoa.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessIdentityTest {

    @Test
    void aRunningProcessIsFoundFromWhatWasWrittenOfIt() {
        ProcessIdentity self = ProcessIdentity.current();
        Optional<ProcessIdentity> read = ProcessIdentity.parse(self.toString() + "\n");
        assertEquals(Optional.of(self), read);
        assertEquals(ProcessHandle.current().pid(), read.get().running().orElseThrow().pid());
    }

    @Test
    void anotherProcessGivenTheSamePidIsNotTakenForIt() {
        ProcessIdentity earlier = new ProcessIdentity(ProcessHandle.current().pid(), "1700000000000");
        assertTrue(earlier.running().isEmpty());
    }

    @Test
    void aProcessThatExitedIsNotRunning() throws Exception {
        Process process = new ProcessBuilder("true").start();
        ProcessIdentity exited = ProcessIdentity.of(process.toHandle());
        process.waitFor();
        assertTrue(exited.running().isEmpty());
    }

    @Test
    void textCutShortByAKillIsNoIdentity() {
        assertFalse(ProcessIdentity.parse("").isPresent());
        assertFalse(ProcessIdentity.parse("4242").isPresent());
        assertFalse(ProcessIdentity.parse("42x 17").isPresent());
    }
}
