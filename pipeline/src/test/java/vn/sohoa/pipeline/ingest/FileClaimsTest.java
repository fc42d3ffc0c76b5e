package vn.sohoa.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileClaimsTest {

    @TempDir
    Path data;

    private final Path file = Path.of("/inbox/Hồ sơ/van ban.pdf");

    @Test
    void aFileHeldByOneProcessIsRefusedToAnotherUntilReleased() throws Exception {
        FileClaims first = claims("host-a");
        FileClaims second = claims("host-b");
        assertTrue(first.claim(file));
        assertTrue(first.claim(file), "the holder may claim again");
        assertFalse(second.claim(file));
        first.release(file);
        assertTrue(second.claim(file));
    }

    @Test
    void aClaimOfAnotherHostIsTakenOverOnlyOnceItStopsBeingRefreshed() throws Exception {
        FileClaims crashed = claims("host-a");
        FileClaims survivor = claims("host-b");
        assertTrue(crashed.claim(file));
        Path claim = onlyClaim();

        Files.setLastModifiedTime(claim, FileTime.from(Instant.now().minus(Duration.ofMinutes(9))));
        crashed.refresh();
        assertFalse(survivor.claim(file), "a refreshed claim is alive");

        Files.setLastModifiedTime(claim, FileTime.from(Instant.now().minus(Duration.ofMinutes(11))));
        assertTrue(survivor.claim(file), "a claim untouched for longer than the limit is abandoned");
        assertTrue(Files.readString(onlyClaim()).startsWith("host-b "));
    }

    @Test
    void aClaimOfADeadProcessOfThisHostIsClearedAtStartAndTakenOver() throws Exception {
        Files.createDirectories(data.resolve("claims"));
        long deadPid = deadPid();
        Path stale = data.resolve("claims").resolve("stale.claim");
        Files.writeString(stale, "host-a " + deadPid + " 1700000000000 1234");
        FileClaims restarted = claims("host-a");
        restarted.clearAbandoned();
        assertFalse(Files.exists(stale));

        FileClaims other = claims("host-a");
        assertTrue(other.claim(file));
        Path claim = onlyClaim();
        Files.writeString(claim, "host-a " + deadPid + " 1700000000000 5678");
        assertTrue(restarted.claim(file), "the claim of a dead process of this host is taken at once");
    }

    @Test
    void aClaimWhoseHolderWasNeverWrittenIsTakenOverOnlyAfterAWhile() throws Exception {
        FileClaims killed = claims("host-a");
        assertTrue(killed.claim(file));
        Path claim = onlyClaim();
        Files.writeString(claim, "");
        FileClaims restarted = claims("host-a");
        assertFalse(restarted.claim(file), "a claim just created is being written");

        Files.setLastModifiedTime(claim, FileTime.from(Instant.now().minus(Duration.ofSeconds(11))));
        restarted.clearAbandoned();
        assertFalse(Files.exists(claim), "a process stopped between creating the claim and writing it");
        assertTrue(restarted.claim(file));
    }

    @Test
    void aClaimOfAnEarlierProcessWithTheSamePidIsTakenOver() throws Exception {
        FileClaims running = claims("host-a");
        assertTrue(running.claim(file));
        assertFalse(claims("host-a").claim(file), "the holder is this very process, alive");

        Path claim = onlyClaim();
        Files.writeString(claim, "host-a " + ProcessHandle.current().pid() + " 1700000000000 1234");
        assertTrue(claims("host-a").claim(file),
                "a restarted container's sohoa has the pid of the one before it, not its start");
    }

    private FileClaims claims(String host) throws Exception {
        Files.createDirectories(data.resolve("claims"));
        return new FileClaims(data, host, Duration.ofMinutes(10));
    }

    private Path onlyClaim() throws Exception {
        try (Stream<Path> claims = Files.list(data.resolve("claims"))) {
            List<Path> all = claims.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
