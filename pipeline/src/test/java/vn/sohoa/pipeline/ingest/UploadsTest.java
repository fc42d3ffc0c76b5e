package vn.sohoa.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadsTest {

    @Test
    void anUploadLandsInTheInboxUnderItsOwnName(@TempDir Path data) throws Exception {
        WatchedFolders folders = new WatchedFolders(data);
        folders.create();
        Uploads uploads = new Uploads(folders, new IngestTracker());
        byte[] bytes = "Công văn".getBytes(StandardCharsets.UTF_8);
        String id = uploads.accept(new ByteArrayInputStream(bytes), "C:\\Scans\\Công văn 12.txt", "Hồ sơ/2024");
        assertEquals(64, id.length());
        Path landed = folders.inbox().resolve("Hồ sơ/2024/Công văn 12.txt");
        assertTrue(Files.exists(landed));
        uploads.accept(new ByteArrayInputStream(bytes), "Công văn 12.txt", "Hồ sơ/2024");
        assertTrue(Files.exists(folders.inbox().resolve("Hồ sơ/2024/Công văn 12 (2).txt")));
        try (var files = Files.list(landed.getParent())) {
            assertEquals(2, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void anUploadCannotEscapeTheInbox(@TempDir Path data) throws Exception {
        WatchedFolders folders = new WatchedFolders(data);
        folders.create();
        Uploads uploads = new Uploads(folders, new IngestTracker());
        assertThrows(IllegalArgumentException.class,
                () -> uploads.accept(new ByteArrayInputStream(new byte[] {1}), "a.txt", "../../etc"));
        assertEquals("_bashrc", Uploads.safeName(".bashrc"));
        assertEquals("passwd", Uploads.safeName("../../etc/passwd"));
    }
}
