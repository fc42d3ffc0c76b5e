package vn.sohoa.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IgnoredFilesTest {

    @Test
    void temporaryAndHiddenNamesAreIgnored() {
        for (String name : new String[] {".DS_Store", "~$Ke hoach.docx", "scan.pdf.part", "x.crdownload", "A.TMP",
                "Thumbs.db", "desktop.ini", "a.pdf.error.json", "metadata.csv", "Metadata.xlsx"}) {
            assertTrue(IgnoredFiles.isIgnoredName(name), name);
        }
        for (String name : new String[] {"Kế hoạch 05.docx", "scan_0362.pdf", "DOC00364.TIF", "~ban nhap.pdf",
                "metadata 2024.xlsx"}) {
            assertFalse(IgnoredFiles.isIgnoredName(name), name);
        }
    }

    @Test
    void symbolicLinksAreNeverFollowed(@TempDir Path dir) throws Exception {
        Path target = Files.writeString(dir.resolve("real.txt"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), target);
        assertTrue(IgnoredFiles.isIgnored(link));
        assertFalse(IgnoredFiles.isIgnored(target));
    }
}
