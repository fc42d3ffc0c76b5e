package vn.sohoa.pipeline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import vn.sohoa.core.text.VietnameseText;
import vn.sohoa.pipeline.manifest.ManifestReader;

/**
 * A file received over HTTP is written into {@code inbox/} under a hidden temporary name and then
 * renamed, so it takes exactly the path of a file an archivist drops there. A manifest replaces the
 * folder's manifest, as saving over it would.
 */
public class Uploads {

    private final WatchedFolders folders;
    private final IngestTracker tracker;

    public Uploads(WatchedFolders folders, IngestTracker tracker) {
        this.folders = folders;
        this.tracker = tracker;
    }

    /** @return the document id (SHA-256 of the bytes) */
    public String accept(InputStream content, String fileName, String folder) throws IOException {
        String name = safeName(fileName);
        Path dir = folders.inbox();
        if (folder != null && !folder.isBlank()) {
            dir = dir.resolve(VietnameseText.nfc(folder.strip())).normalize();
            if (!dir.startsWith(folders.inbox()) || IgnoredFiles.isIgnoredName(dir.getFileName().toString())) {
                throw new IllegalArgumentException("Thư mục không hợp lệ: " + folder);
            }
        }
        Files.createDirectories(dir);
        Path temporary = Files.createTempFile(dir, ".upload-", ".part");
        String id;
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha256)) {
                content.transferTo(out);
            }
            id = HexFormat.of().formatHex(sha256.digest());
            if (ManifestReader.isManifest(name)) {
                Files.move(temporary, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return id;
            }
            tracker.queued(id, name);
            publish(temporary, dir.resolve(name));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return id;
    }

    private static void publish(Path temporary, Path target) throws IOException {
        for (int n = 2; ; n++) {
            try {
                Files.createLink(target, temporary);
                return;
            } catch (FileAlreadyExistsException taken) {
                target = target.resolveSibling(WatchedFolders.numbered(target.getFileName().toString(), n));
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (Files.exists(target)) {
                    target = target.resolveSibling(WatchedFolders.numbered(target.getFileName().toString(), n));
                    continue;
                }
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
        }
    }

    /** The last path segment only, in NFC; never a hidden or empty name. */
    static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = VietnameseText.nfc(name.substring(name.lastIndexOf('/') + 1)).strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "tai-len";
        }
        return name.startsWith(".") ? "_" + name.substring(1) : name;
    }
}
