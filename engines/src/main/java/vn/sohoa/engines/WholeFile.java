package vn.sohoa.engines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;

/**
 * A small file written aside and moved in place: whoever reads it sees all of it, and a process
 * killed while writing it leaves the one before.
 */
final class WholeFile {

    private WholeFile() {
    }

    static void write(Path file, String text, FileAttribute<?>... attributes) throws IOException {
        Path partial = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".part", attributes);
        try {
            Files.writeString(partial, text);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
