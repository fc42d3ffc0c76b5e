package vn.sohoa.ocr.work;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import vn.sohoa.core.files.FileTrees;
import vn.sohoa.core.process.ProcessIdentity;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StorageException;

/**
 * The originals this worker renders pages from, fetched from storage once and kept on its disk for
 * the next pages of the same documents; the least recently used go when more than a few are kept.
 * A file taken away while a page is still read from it stays readable to that reader. The folder is
 * named after its process, so that the folders of workers that were killed (copies of originals, some
 * of them MẬT) are found and deleted by the next worker to start on the machine.
 */
final class LocalOriginals implements AutoCloseable {

    private static final int KEPT = 8;
    private static final String PREFIX = "sohoa-originals-";

    private final ObjectStore store;
    private final Path folder;
    private final Map<String, Path> kept = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Object> fetching = new ConcurrentHashMap<>();

    LocalOriginals(ObjectStore store) throws IOException {
        this(store, Path.of(System.getProperty("java.io.tmpdir")));
    }

    LocalOriginals(ObjectStore store, Path temp) throws IOException {
        this.store = store;
        deleteLeftBehind(temp);
        ProcessIdentity self = ProcessIdentity.current();
        this.folder = Files.createTempDirectory(temp, PREFIX + self.pid() + "_" + self.start() + "_");
    }

    /** Deletes the folders of workers that are no longer running; another user's, or one being deleted, is left. */
    private static void deleteLeftBehind(Path temp) throws IOException {
        try (Stream<Path> folders = Files.list(temp)) {
            for (Path folder : folders.filter(LocalOriginals::leftBehind).toList()) {
                try {
                    FileTrees.delete(folder);
                } catch (IOException e) {
                    // not ours to delete, or another worker deleted it meanwhile
                }
            }
        }
    }

    private static boolean leftBehind(Path folder) {
        String name = folder.getFileName().toString();
        if (!name.startsWith(PREFIX) || !Files.isDirectory(folder)) {
            return false;
        }
        String[] holder = name.substring(PREFIX.length()).split("_");
        return holder.length == 3 && ProcessIdentity.parse(holder[0] + " " + holder[1])
                .map(identity -> identity.running().isEmpty())
                .orElse(false);
    }

    /** The document's original on this machine's disk; none when storage no longer has it (its file failed). */
    Optional<Path> of(String document) throws StorageException, IOException {
        synchronized (fetching.computeIfAbsent(document, d -> new Object())) {
            Path file = kept(document);
            if (file != null) {
                return Optional.of(file);
            }
            if (store.statOriginal(document).isEmpty()) {
                return Optional.empty();
            }
            Path fetched = folder.resolve(document);
            Path partial = folder.resolve(document + ".part");
            try (InputStream in = store.openOriginal(document)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, fetched, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            keep(document, fetched);
            return Optional.of(fetched);
        }
    }

    private synchronized Path kept(String document) {
        return kept.get(document);
    }

    private synchronized void keep(String document, Path file) throws IOException {
        kept.put(document, file);
        Iterator<Map.Entry<String, Path>> oldest = kept.entrySet().iterator();
        while (kept.size() > KEPT) {
            Map.Entry<String, Path> evicted = oldest.next();
            Files.deleteIfExists(evicted.getValue());
            fetching.remove(evicted.getKey());
            oldest.remove();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        for (Path file : kept.values()) {
            Files.deleteIfExists(file);
        }
        kept.clear();
        Files.deleteIfExists(folder);
    }
}
