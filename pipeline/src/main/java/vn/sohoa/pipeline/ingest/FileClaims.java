package vn.sohoa.pipeline.ingest;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.sohoa.core.storage.Checksums;

/**
 * Which sohoa process is archiving which file, so that several processes can watch the same
 * folders and each file is archived by one of them. A claim is a file under {@code DATA/claims}
 * created atomically by its holder (host, pid and instance) and deleted when the file leaves the watched
 * folder or is left for a retry. A claim whose holder died on this host is cleared at start.
 */
public class FileClaims {

    private static final Logger LOG = LoggerFactory.getLogger(FileClaims.class);

    private final Path dir;
    private final String host;
    private final String owner;

    public FileClaims(Path dataDir) {
        this.dir = dataDir.resolve("claims");
        this.host = hostName();
        this.owner = host + " " + ProcessHandle.current().pid() + " " + UUID.randomUUID();
    }

    /** Creates the folder and clears the claims of processes of this host that are gone. */
    public void clearAbandoned() throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> claims = Files.list(dir)) {
            for (Path claim : claims.toList()) {
                String[] holder = readHolder(claim);
                if (holder != null && holder[0].equals(host)
                        && ProcessHandle.of(Long.parseLong(holder[1])).map(p -> !p.isAlive()).orElse(true)) {
                    Files.deleteIfExists(claim);
                    LOG.info("Cleared the claim of a stopped process on {}", claim.getFileName());
                }
            }
        }
    }

    /** @return true when this process now holds the file, false when another one does */
    boolean claim(Path file) throws IOException {
        try {
            Files.writeString(claimOf(file), owner, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            return true;
        } catch (FileAlreadyExistsException held) {
            String[] holder = readHolder(claimOf(file));
            return holder != null && owner.equals(String.join(" ", holder));
        }
    }

    void release(Path file) {
        try {
            Files.deleteIfExists(claimOf(file));
        } catch (IOException e) {
            LOG.warn("Could not release the claim on {}: {}", file, e.getMessage());
        }
    }

    private Path claimOf(Path file) {
        return dir.resolve(Checksums.sha256(file.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8))
                + ".claim");
    }

    private static String[] readHolder(Path claim) {
        try {
            String[] holder = Files.readString(claim, StandardCharsets.UTF_8).strip().split(" ");
            return holder.length == 3 ? holder : null;
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
