package vn.sohoa.pipeline.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.files.WholeFile;
import vn.sohoa.pipeline.manifest.Manifest;
import vn.sohoa.pipeline.manifest.ManifestException;
import vn.sohoa.pipeline.manifest.ManifestReader;

/**
 * The manifest files of folders: which one is in force, read once per version (a manifest that
 * cannot be read is reported beside it, in {@code NAME.error.json}), and moved to {@code done/}.
 */
final class FolderManifests {

    private static final Logger LOG = LoggerFactory.getLogger(FolderManifests.class);
    private static final int CACHED = 256;
    static final String CONSEQUENCE = "Các tệp của thư mục vẫn được lưu trữ, nhưng chỉ với thông tin đọc từ nội dung "
            + "tệp, chưa có thông tin của tệp mục lục.";
    static final String HOW_TO_FIX = "Sửa tệp mục lục theo lý do trên rồi lưu lại (hoặc chép lại) vào đúng thư mục "
            + "này: hệ thống sẽ đọc lại và áp dụng cho cả những tệp đã được lưu trữ.";

    /** What a manifest, in one version, gives: its content, or why it cannot be read. */
    record Reading(Path file, String version, Manifest manifest, String error) {
        boolean readable() {
            return manifest != null;
        }
    }

    private final long stableMillis;
    private final Map<Path, Reading> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Reading> eldest) {
            return size() > CACHED;
        }
    };

    FolderManifests(long stableMillis) {
        this.stableMillis = stableMillis;
    }

    /** The manifest in force in the folder: {@code metadata.xlsx} before {@code .xls} before {@code .csv}, in any case. */
    static Optional<Path> inForce(Path dir) {
        return all(dir).stream().findFirst();
    }

    /** Every manifest of the folder, the one in force first. */
    static List<Path> all(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> ManifestReader.isManifest(f.getFileName().toString()))
                    .filter(f -> Files.isRegularFile(f) && !Files.isSymbolicLink(f))
                    .sorted(Comparator.comparingInt(f -> ManifestReader.NAMES.indexOf(
                            f.getFileName().toString().toLowerCase(Locale.ROOT))))
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    /** The version of the manifest as it is now: when it was last written, and its size. */
    static String version(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return attributes.lastModifiedTime().toMillis() + ":" + attributes.size();
    }

    /**
     * Waits, as the watcher waits for files, until the manifest was last written at least the
     * stable time ago.
     * @return false when it is still being written after a while
     */
    boolean awaitStable(Path file) throws InterruptedException {
        long deadline = System.currentTimeMillis() + stableMillis * 4 + 2000;
        try {
            while (true) {
                long age = System.currentTimeMillis() - Files.getLastModifiedTime(file).toMillis();
                if (age >= stableMillis) {
                    return true;
                }
                if (System.currentTimeMillis() > deadline) {
                    return false;
                }
                Thread.sleep(Math.max(10, Math.min(250, stableMillis - age)));
            }
        } catch (IOException gone) {
            return true;
        }
    }

    /** The manifest as it is now, read once per version; empty when it is no longer there. */
    Optional<Reading> read(Path file) {
        try {
            String version = version(file);
            synchronized (cache) {
                Reading cached = cache.get(file);
                if (cached != null && cached.version().equals(version)) {
                    return Optional.of(cached);
                }
            }
            Reading reading;
            try {
                reading = new Reading(file, version, ManifestReader.read(file), null);
                Files.deleteIfExists(reportOf(file));
            } catch (ManifestException e) {
                reading = new Reading(file, version, null, e.getMessage());
                report(reading);
                LOG.warn("Manifest {} cannot be read: {}", file, e.getMessage());
            }
            synchronized (cache) {
                cache.put(file, reading);
            }
            return Optional.of(reading);
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Manifest {} cannot be read: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Moves every manifest of the folder to the same folder under {@code done/}. The one in force
     * there keeps its plain name; the one it replaces is kept as {@code metadata (2).csv}, (3)...
     */
    void moveToDone(Path dir, Path doneDir) throws IOException {
        List<Path> manifests = all(dir);
        if (manifests.isEmpty()) {
            return;
        }
        Files.createDirectories(doneDir);
        for (Path older : all(doneDir)) {
            Path kept = older;
            for (int n = 2; Files.exists(kept); n++) {
                kept = older.resolveSibling(WatchedFolders.numbered(older.getFileName().toString(), n));
            }
            Files.move(older, kept, StandardCopyOption.ATOMIC_MOVE);
        }
        for (Path manifest : manifests) {
            Files.move(manifest, doneDir.resolve(manifest.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(reportOf(manifest));
            LOG.info("Manifest {} -> {}", manifest, doneDir);
        }
    }

    static Path reportOf(Path manifest) {
        return manifest.resolveSibling(manifest.getFileName() + FailureReport.SUFFIX);
    }

    private static void report(Reading reading) throws IOException {
        ObjectNode report = Json.MAPPER.createObjectNode();
        report.put("file", reading.file().getFileName().toString());
        report.put("reason", reading.error());
        report.put("consequence", CONSEQUENCE);
        report.put("howToFix", HOW_TO_FIX);
        report.put("reportedAt", Instant.now().toString());
        // Two files of the folder may read the new manifest at once: each writes its own part.
        WholeFile.write(reportOf(reading.file()), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    }
}
