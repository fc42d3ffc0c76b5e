package vn.sohoa.core.files;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {

    @TempDir
    Path dir;

    @Test
    void aFolderIsDeletedWithEverythingInItAndNothingBeside() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("engines").resolve("elasticsearch").resolve("data"));
        Files.writeString(folder.resolve("segments_1"), "x");
        Files.writeString(dir.resolve("engines").resolve("connection.properties"), "x");
        Path beside = Files.writeString(dir.resolve("beside.txt"), "x");

        FileTrees.delete(dir.resolve("engines"));

        assertFalse(Files.exists(dir.resolve("engines")));
        assertTrue(Files.exists(beside));
    }
}
