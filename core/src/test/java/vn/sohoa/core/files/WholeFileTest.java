package vn.sohoa.core.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WholeFileTest {

    @TempDir
    Path dir;

    @Test
    void aFileIsReplacedWholeAndNoPartIsLeft() throws Exception {
        Path file = dir.resolve("broker.port");
        WholeFile.write(file, "61616");
        WholeFile.write(file, "61617");

        assertEquals("61617", Files.readString(file));
        assertEquals(List.of(file), listed());
    }

    @Test
    void aFileWhoseNameIsNearTheLimitIsWritten() throws Exception {
        // 240 bytes: a part named after it would pass the 255 bytes a name may have.
        Path file = dir.resolve("Tờ trình ".repeat(30).substring(0, 172) + ".error.json");

        WholeFile.write(file, "{}");

        assertEquals("{}", Files.readString(file));
        assertEquals(List.of(file), listed());
    }

    private List<Path> listed() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
