package vn.sohoa.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void numberedNamesKeepTheExtension() {
        assertEquals("a (2).pdf", WatchedFolders.numbered("a.pdf", 2));
        assertEquals("README (3)", WatchedFolders.numbered("README", 3));
    }
}
