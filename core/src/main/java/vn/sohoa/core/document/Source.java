package vn.sohoa.core.document;

import java.time.Instant;
import java.util.Objects;

/** A file that was handed to the archive: its name, its folder relative to the watched folder, and when. */
public record Source(String fileName, String folder, Instant receivedAt) {

    public boolean sameFileAs(Source other) {
        return Objects.equals(fileName, other.fileName) && Objects.equals(folder, other.folder);
    }

    public String relativePath() {
        return folder == null || folder.isEmpty() ? fileName : folder + "/" + fileName;
    }
}
