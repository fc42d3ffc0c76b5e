package vn.sohoa.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchedFoldersTest {

    @Test
    void aMoveKeepsTheDossierAndNeverOverwrites(@TempDir Path data) throws Exception {
        WatchedFolders folders = new WatchedFolders(data);
        folders.create();
        Path first = folders.inbox().resolve("Hồ sơ 01/Tờ trình.pdf");
        Files.createDirectories(first.getParent());
        Files.writeString(first, "1");
        assertEquals(folders.done().resolve("Hồ sơ 01/Tờ trình.pdf"), folders.moveTo(folders.done(), folders.inbox(), first));
        Files.writeString(first, "2");
        Path second = folders.moveTo(folders.done(), folders.inbox(), first);
        assertEquals(folders.done().resolve("Hồ sơ 01/Tờ trình (2).pdf"), second);
        assertEquals("1", Files.readString(folders.done().resolve("Hồ sơ 01/Tờ trình.pdf")));
        assertTrue(Files.notExists(first));
    }

    @Test
    void whatMustStandBesideAFileIsWrittenBeforeTheFileArrives(@TempDir Path data) throws Exception {
        WatchedFolders folders = new WatchedFolders(data);
        folders.create();
        Path file = folders.inbox().resolve("hỏng.pdf");
        Files.writeString(file, "x");
        Files.writeString(folders.failed().resolve("hỏng.pdf"), "an earlier one");
        Path report = folders.failed().resolve("hỏng (2).pdf.error.json");

        IOException dies = new IOException("the process dies here");
        assertThrows(IOException.class, () -> folders.moveTo(folders.failed(), folders.inbox(), file, target -> {
            Files.writeString(target.resolveSibling(target.getFileName() + ".error.json"), "why");
            throw dies;
        }));
        assertTrue(Files.exists(file), "a file whose report could not be finished stays to be retried");
        assertTrue(Files.exists(report));

        Path moved = folders.moveTo(folders.failed(), folders.inbox(), file,
                target -> assertTrue(Files.exists(file) && Files.notExists(target), "called before the move"));
        assertEquals(folders.failed().resolve("hỏng (2).pdf"), moved);
    }

    @Test
    void numberedNamesKeepTheExtension() {
        assertEquals("a (2).pdf", WatchedFolders.numbered("a.pdf", 2));
        assertEquals("README (3)", WatchedFolders.numbered("README", 3));
    }
}
