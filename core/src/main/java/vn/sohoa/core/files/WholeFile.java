package vn.sohoa.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;

/**
 * A small file written aside and moved in place: whoever reads it sees all of it, and a process
 * killed while writing it leaves the one before. The part being written is hidden and ends in
 * {@code .part} (the watched folders pass it by), is named apart for each writer, and its name is
 * short, so that a file whose own name is near the file system's limit can still be written.
 */
public final class WholeFile {

    private WholeFile() {
    }

    public static void write(Path file, String text, FileAttribute<?>... attributes) throws IOException {
        Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), ".whole-", ".part", attributes);
        try {
            Files.writeString(partial, text);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
