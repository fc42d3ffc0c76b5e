package vn.sohoa.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.core.document.Json;

class FolderManifestsTest {

    @TempDir
    Path dir;

    @Test
    void theSpreadsheetIsInForceOverTheCsvInAnyCase() throws Exception {
        Files.writeString(dir.resolve("metadata.csv"), "x");
        Files.writeString(dir.resolve("Metadata.XLSX"), "x");
        Files.writeString(dir.resolve("scan.pdf"), "x");
        assertEquals(dir.resolve("Metadata.XLSX"), FolderManifests.inForce(dir).orElseThrow());
        assertEquals(2, FolderManifests.all(dir).size());
    }

    @Test
    void twoFilesReadingAManifestThatCannotBeReadAtOnceBothSeeWhy() throws Exception {
        Path manifest = Files.writeString(dir.resolve("metadata.xlsx"), "không phải tệp Excel");
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 200; round++) {
                FolderManifests manifests = new FolderManifests(0);
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                java.util.concurrent.Callable<java.util.Optional<FolderManifests.Reading>> read = () -> {
                    together.await();
                    return manifests.read(manifest);
                };
                var first = two.submit(read);
                var second = two.submit(read);
                assertFalse(first.get().orElseThrow().readable(), "round " + round);
                assertFalse(second.get().orElseThrow().readable(), "round " + round);
            }
        } finally {
            two.shutdownNow();
        }
        assertTrue(Files.exists(dir.resolve("metadata.xlsx.error.json")));
    }

    @Test
    void aManifestThatCannotBeReadIsReportedBesideItUntilItIsFixed() throws Exception {
        FolderManifests manifests = new FolderManifests(0);
        Path manifest = Files.writeString(dir.resolve("metadata.csv"), "Họ tên;Tuổi\nAn;30\n");
        FolderManifests.Reading bad = manifests.read(manifest).orElseThrow();
        assertFalse(bad.readable());
        JsonNode report = Json.MAPPER.readTree(dir.resolve("metadata.csv.error.json").toFile());
        assertTrue(report.path("reason").asText().startsWith("Không đọc được tệp mục lục metadata.csv"));
        assertTrue(report.path("howToFix").asText().contains("áp dụng"));

        Files.writeString(manifest, "Tên tệp;Trích yếu\na.pdf;Về việc thử\n");
        Files.setLastModifiedTime(manifest, FileTime.from(Instant.now().plusSeconds(5)));
        FolderManifests.Reading fixed = manifests.read(manifest).orElseThrow();
        assertEquals("Về việc thử", fixed.manifest().valuesFor("a.pdf").get("subject"));
        assertFalse(Files.exists(dir.resolve("metadata.csv.error.json")));
    }

    @Test
    void inDoneTheNewManifestTakesThePlainNameAndTheOlderOnesAreKept() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox/Hồ sơ"));
        Path done = Files.createDirectories(dir.resolve("done/Hồ sơ"));
        Files.writeString(done.resolve("metadata.csv"), "cũ nhất");
        Files.writeString(done.resolve("metadata (2).csv"), "cũ hơn");
        Files.writeString(inbox.resolve("metadata.csv"), "mới");
        new FolderManifests(0).moveToDone(inbox, done);
        assertEquals("mới", Files.readString(done.resolve("metadata.csv")));
        assertEquals("cũ hơn", Files.readString(done.resolve("metadata (2).csv")));
        assertEquals("cũ nhất", Files.readString(done.resolve("metadata (3).csv")));
        assertFalse(Files.exists(inbox.resolve("metadata.csv")));
    }

    @Test
    void aFolderWaitsForItsFilesButNotForItsManifestOrReports() throws Exception {
        Files.writeString(dir.resolve("metadata.xlsx"), "x");
        Files.writeString(dir.resolve("metadata.xlsx.error.json"), "{}");
        Files.createDirectories(dir.resolve("Con"));
        assertFalse(WatchedFolders.hasFilesToArchive(dir));
        Files.writeString(dir.resolve("scan.pdf"), "x");
        assertTrue(WatchedFolders.hasFilesToArchive(dir));
    }
}
