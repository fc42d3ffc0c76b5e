package vn.sohoa.pipeline.ingest;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.util.function.ThrowingConsumer;
import vn.sohoa.core.text.VietnameseText;

/**
 * The folders under the data folder: {@code inbox/} (watched all the time), {@code batch/} (read
 * at night), {@code done/} and {@code failed/}. A file keeps its path relative to the watched folder
 * when it moves, so the archivist's dossiers stay as they were.
 */
public class WatchedFolders {

    private final Path inbox;
    private final Path batch;
    private final Path done;
    private final Path failed;

    public WatchedFolders(Path dataDir) {
        this.inbox = dataDir.resolve("inbox").toAbsolutePath().normalize();
        this.batch = dataDir.resolve("batch").toAbsolutePath().normalize();
        this.done = dataDir.resolve("done").toAbsolutePath().normalize();
        this.failed = dataDir.resolve("failed").toAbsolutePath().normalize();
    }

    public void create() throws IOException {
        for (Path dir : List.of(inbox, batch, done, failed)) {
            Files.createDirectories(dir);
        }
    }

    public Path inbox() {
        return inbox;
    }

    public Path batch() {
        return batch;
    }

    public Path done() {
        return done;
    }

    public Path failed() {
        return failed;
    }

    Path watchedFolderOf(Path file) {
        return file.startsWith(batch) ? batch : inbox;
    }

    /** The dossier a folder under a watched folder is: its relative path in NFC with '/', "" at the top. */
    static String dossierOf(Path watched, Path dir) {
        Path relative = watched.relativize(dir);
        return relative.toString().isEmpty() ? "" : VietnameseText.nfc(relative.toString().replace('\\', '/'));
    }

    /** The folder of {@code done/} that a folder under a watched folder moves to. */
    Path inDone(Path watched, Path dir) {
        return done.resolve(watched.relativize(dir));
    }

    /** Whether files are still waiting in this folder (not its subfolders) to be archived. */
    static boolean hasFilesToArchive(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && !IgnoredFiles.isIgnored(f));
        } catch (IOException | java.io.UncheckedIOException e) {
            return true;
        }
    }

    /**
     * Moves the file to the same relative path under {@code targetRoot}; a name already taken there
     * gets " (2)", " (3)"... before its extension, so nothing is ever overwritten.
     */
    Path moveTo(Path targetRoot, Path watched, Path file) throws IOException {
        return moveTo(targetRoot, watched, file, target -> { });
    }

    /**
     * As {@link #moveTo(Path, Path, Path)}, {@code beforeMove} given the file's target first: what must
     * stand beside the file is there when the file arrives, even if the process dies in between.
     */
    Path moveTo(Path targetRoot, Path watched, Path file, ThrowingConsumer<Path, IOException> beforeMove)
            throws IOException {
        Path relative = watched.relativize(file);
        Path target = targetRoot.resolve(relative);
        Files.createDirectories(target.getParent());
        for (int n = 2; ; n++) {
            try {
                if (Files.exists(target)) {
                    throw new FileAlreadyExistsException(target.toString());
                }
                beforeMove.accept(target);
                return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException taken) {
                target = target.resolveSibling(numbered(relative.getFileName().toString(), n));
            }
        }
    }

    /** Files waiting in the watched folders (ignored files aside). */
    public long waitingFiles() {
        return count(inbox) + count(batch);
    }

    private static long count(Path root) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> !IgnoredFiles.isIgnored(p)).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
    }
}
