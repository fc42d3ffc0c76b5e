package vn.sohoa.ocr.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.core.process.ProcessIdentity;

class LocalOriginalsTest {

    @TempDir
    Path temp;

    @Test
    void theFoldersOfKilledWorkersAreDeletedWhenAWorkerStarts() throws Exception {
        Process killed = new ProcessBuilder("sleep", "60").start();
        ProcessIdentity gone = ProcessIdentity.of(killed.toHandle());
        killed.destroyForcibly().waitFor();
        ProcessIdentity self = ProcessIdentity.current();
        Path ofKilled = folderWithAnOriginal("sohoa-originals-" + gone.pid() + "_" + gone.start() + "_123");
        Path ofSamePidEarlier = folderWithAnOriginal("sohoa-originals-" + self.pid() + "_1_456");
        Path ofRunning = folderWithAnOriginal("sohoa-originals-" + self.pid() + "_" + self.start() + "_789");
        Path unnamed = folderWithAnOriginal("sohoa-originals-1234567");

        try (LocalOriginals started = new LocalOriginals(null, temp)) {
            assertFalse(Files.exists(ofKilled));
            assertFalse(Files.exists(ofSamePidEarlier), "a process that had the same pid before");
            assertTrue(Files.exists(ofRunning.resolve("original")));
            assertTrue(Files.exists(unnamed.resolve("original")), "a folder naming no process is left alone");
            assertEquals(3, folders());
        }
        assertEquals(2, folders(), "a worker deletes its own folder when it stops");
    }

    private Path folderWithAnOriginal(String name) throws Exception {
        Path folder = Files.createDirectory(temp.resolve(name));
        Files.writeString(folder.resolve("original"), "%PDF-1.7");
        return folder;
    }

    private long folders() throws Exception {
        try (Stream<Path> listed = Files.list(temp)) {
            return listed.count();
        }
    }
}
