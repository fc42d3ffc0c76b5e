package vn.sohoa.pipeline.ingest;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.sohoa.core.process.ProcessIdentity;
import vn.sohoa.core.storage.Checksums;

/**
 * Which sohoa process is archiving which file, so that several processes can watch the same
 * folders and each file is archived by one of them. A claim is a file under {@code DATA/claims}
 * created atomically by its holder, which then writes itself into it (host, pid, the process's start
 * and the instance), and deleted when the file leaves the watched folder or is left for a retry. The
 * holder touches its claims every {@link #REFRESH}; a claim whose holder died is taken over: at once
 * when the holder was a process of this host (one that is gone, or whose pid another process has
 * since, as a restarted container's sohoa does), after {@link #STALE_AFTER} without a touch when it
 * was on another host, and after {@link #UNWRITTEN_AFTER} when no holder was ever written into it
 * (its process stopped between creating it and writing it).
 */
public class FileClaims {

    public static final Duration REFRESH = Duration.ofMinutes(1);
    static final Duration STALE_AFTER = Duration.ofMinutes(10);
    static final Duration UNWRITTEN_AFTER = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(FileClaims.class);

    private final Path dir;
    private final String host;
    private final String owner;
    private final Duration staleAfter;
    private final Set<Path> held = ConcurrentHashMap.newKeySet();

    public FileClaims(Path dataDir) {
        this(dataDir, hostName(), STALE_AFTER);
    }

    FileClaims(Path dataDir, String host, Duration staleAfter) {
        this.dir = dataDir.resolve("claims");
        this.host = host;
        this.owner = String.join(" ", host, ProcessIdentity.current().toString(), UUID.randomUUID().toString());
        this.staleAfter = staleAfter;
    }

    /** Creates the folder and clears the claims of processes that are gone. */
    public void clearAbandoned() throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> claims = Files.list(dir)) {
            for (Path claim : claims.filter(c -> c.getFileName().toString().endsWith(".claim")).toList()) {
                if (abandoned(claim)) {
                    Files.deleteIfExists(claim);
                    LOG.info("Cleared the claim of a stopped process: {}", claim.getFileName());
                }
            }
        }
    }

    /** @return true when this process now holds the file, false when another one does */
    boolean claim(Path file) throws IOException {
        Path claim = claimOf(file);
        if (create(claim)) {
            return true;
        }
        if (owner.equals(readHolder(claim))) {
            return true;
        }
        return abandoned(claim) && takeOver(claim) && create(claim);
    }

    /** Touches every claim this process holds, so that other hosts see it is alive. */
    public void refresh() {
        FileTime now = FileTime.from(Instant.now());
        for (Path claim : held) {
            try {
                Files.setLastModifiedTime(claim, now);
            } catch (IOException e) {
                LOG.warn("Could not refresh the claim {}: {}", claim.getFileName(), e.getMessage());
            }
        }
    }

    void release(Path file) {
        Path claim = claimOf(file);
        held.remove(claim);
        try {
            Files.deleteIfExists(claim);
        } catch (IOException e) {
            LOG.warn("Could not release the claim on {}: {}", file, e.getMessage());
        }
    }

    private boolean create(Path claim) throws IOException {
        try {
            Files.writeString(claim, owner, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            held.add(claim);
            return true;
        } catch (FileAlreadyExistsException taken) {
            return false;
        }
    }

    private boolean abandoned(Path claim) {
        String holder = readHolder(claim);
        String[] fields = holder == null ? new String[0] : holder.split(" ");
        Optional<ProcessIdentity> process = fields.length == 4
                ? ProcessIdentity.parse(fields[1] + " " + fields[2]) : Optional.empty();
        if (process.isEmpty()) {
            return untouchedFor(claim, UNWRITTEN_AFTER);
        }
        if (fields[0].equals(host)) {
            return process.get().running().isEmpty();
        }
        return untouchedFor(claim, staleAfter);
    }

    private static boolean untouchedFor(Path claim, Duration duration) {
        try {
            return Files.getLastModifiedTime(claim).toInstant().isBefore(Instant.now().minus(duration));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Moves the abandoned claim aside; of several processes taking it over at once only one can
     * move it, and only that one goes on to create its own.
     */
    private boolean takeOver(Path claim) throws IOException {
        Path aside = claim.resolveSibling(claim.getFileName() + "." + UUID.randomUUID() + ".abandoned");
        try {
            Files.move(claim, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException gone) {
            return false;
        }
        if (!abandoned(aside)) {
            Files.move(aside, claim, StandardCopyOption.ATOMIC_MOVE);
            return false;
        }
        LOG.info("Took over the claim of a stopped process: {} ({})", claim.getFileName(),
                Files.readString(aside, StandardCharsets.UTF_8).strip());
        Files.delete(aside);
        return true;
    }

    private Path claimOf(Path file) {
        return dir.resolve(Checksums.sha256(file.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8))
                + ".claim");
    }

    private static String readHolder(Path claim) {
        try {
            return Files.readString(claim, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null;
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName().replace(' ', '_');
        } catch (IOException e) {
            return "localhost";
        }
    }
}
