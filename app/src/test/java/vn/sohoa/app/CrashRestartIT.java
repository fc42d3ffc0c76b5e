package vn.sohoa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.sohoa.core.config.Settings;
import vn.sohoa.core.document.DocumentRecord;
import vn.sohoa.core.document.Source;
import vn.sohoa.core.index.DocumentIndex;
import vn.sohoa.core.storage.ObjectStore;

/**
 * A sohoa process is killed with SIGKILL at random moments while a few hundred files arrive, and
 * started again each time. Once it has finished, every file is in exactly one state: archived (its
 * original stored with the same SHA-256, its record stored, its document in the index once),
 * a duplicate recorded on the document it repeats, or in {@code failed/} with a reason. No file is
 * lost, none is archived twice, no original is left without its record.
 */
@ExtendWith(RunningArchive.Extension.class)
class CrashRestartIT {

    private static final int TEXTS = 200;
    private static final int KILLS = 5;

    private final RunningArchive archive = RunningArchive.get();

    private enum Kind { NEW, DUPLICATE, BROKEN, UNREADABLE }

    private record Dropped(String name, String id, Kind kind) {
    }

    @Test
    void everyFileEndsInExactlyOneStateAfterRepeatedKills() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String run = "crash" + UUID.randomUUID().toString().replace("-", "");
        Settings engines = archive.sohoa().settings();
        Instant started = Instant.now();
        List<Long> pids = new ArrayList<>();
        try (SohoaProcess sohoa = SohoaProcess.create(engines, "512m")) {
            List<Dropped> dropped = new ArrayList<>();
            List<List<Runnable>> waves = waves(sohoa, run, random, dropped);

            for (Runnable drop : waves.get(0)) {
                drop.run();
            }
            sohoa.start();
            pids.add(sohoa.pid());
            for (int kill = 1; kill <= KILLS; kill++) {
                for (Runnable drop : waves.get(kill)) {
                    drop.run();
                }
                Thread.sleep(500 + random.nextInt(4000));
                sohoa.kill();
                sohoa.start();
                pids.add(sohoa.pid());
            }
            String context = "seed " + seed + "\n" + sohoa.logTail();
            try {
                RunningArchive.await(Duration.ofMinutes(6), "the inbox to be empty (" + context + ")",
                        () -> filesIn(sohoa.inbox()).isEmpty());
            } catch (AssertionError stuck) {
                throw new AssertionError(stuck.getMessage() + "\nStill in the inbox: " + filesIn(sohoa.inbox())
                        + "\nThe log when the wait ended:\n" + sohoa.logTail()
                        + "\nPages in the log since the first start:\n" + sohoa.logLines("PageWorker|PageDispatch")
                        + "\nThe threads when the wait ended:\n" + sohoa.threadDump(), stuck);
            }
            sohoa.stop();

            Path done = sohoa.data().resolve("done");
            Path failed = sohoa.data().resolve("failed");
            for (Dropped file : dropped) {
                boolean inDone = Files.exists(done.resolve(file.name()));
                boolean inFailed = Files.exists(failed.resolve(file.name()));
                assertTrue(inDone ^ inFailed, file + " must be in exactly one of done/ and failed/ (" + context + ")");
                boolean shouldFail = file.kind() == Kind.BROKEN || file.kind() == Kind.UNREADABLE;
                assertEquals(shouldFail, inFailed, file + " (" + context + ")");
                if (inFailed) {
                    assertTrue(Files.exists(failed.resolve(file.name() + ".error.json")), "reason beside " + file);
                }
            }
            dropped.stream().filter(f -> f.kind() == Kind.UNREADABLE).forEach(f -> assertTrue(
                    reason(failed, f).contains("quyền đọc"), "the reason says the file cannot be read: " + reason(failed, f)));

            ObjectStore store = ObjectStore.connect(engines);
            try (DocumentIndex index = DocumentIndex.connect(engines.elasticsearchUrl(), engines.indexAlias())) {
                Map<String, List<String>> namesById = new HashMap<>();
                dropped.stream().filter(f -> f.kind() == Kind.NEW || f.kind() == Kind.DUPLICATE)
                        .forEach(f -> namesById.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(f.name()));
                for (var document : namesById.entrySet()) {
                    String id = document.getKey();
                    DocumentRecord record = store.findRecord(id).orElseThrow(() -> new AssertionError("no record for " + id));
                    List<String> sources = new ArrayList<>(record.sources().stream().map(Source::fileName).toList());
                    List<String> expected = new ArrayList<>(document.getValue());
                    Collections.sort(sources);
                    Collections.sort(expected);
                    assertEquals(expected, sources, "each file recorded once on its document (" + context + ")");
                    assertEquals(id, store.digestOriginal(id).orElseThrow(), "the original is stored intact");
                    assertTrue(index.contains(id), id + " is searchable");
                }
                for (Dropped file : dropped) {
                    if (file.kind() == Kind.BROKEN || file.kind() == Kind.UNREADABLE) {
                        assertTrue(store.statOriginal(file.id()).isEmpty(), "no orphan original for " + file);
                        assertFalse(index.contains(file.id()), "nothing in the index for " + file);
                    }
                }
            }
            JsonNode found = archive.getJson("/api/search?size=1&q=" + run);
            long texts = dropped.stream().filter(f -> f.kind() == Kind.NEW && f.name().endsWith(".txt")).count();
            assertEquals(texts, found.path("total").asLong(), "every text document is in the index once");
            try (Stream<Path> claims = Files.list(sohoa.data().resolve("claims"))) {
                assertEquals(0, claims.count(), "no claim is left behind");
            }
            assertEquals(List.of(), leftInTemporaryFolder(pids, started),
                    "the killed processes' copies of originals are deleted at the next start, and no file cache is made");
        }
    }

    private static List<String> leftInTemporaryFolder(List<Long> pids, Instant since) throws Exception {
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return left.filter(path -> {
                String name = path.getFileName().toString();
                return pids.stream().anyMatch(pid -> name.startsWith("sohoa-originals-" + pid + "_"))
                        || name.startsWith("vertx-cache-") && modifiedSince(path, since);
            }).map(Path::toString).toList();
        }
    }

    private static boolean modifiedSince(Path path, Instant since) {
        try {
            return !Files.getLastModifiedTime(path).toInstant().isBefore(since);
        } catch (IOException e) {
            return false;
        }
    }

    /** The files to drop before the first start and before each kill: texts, scans, duplicates, broken and unreadable files. */
    private static List<List<Runnable>> waves(SohoaProcess sohoa, String run, Random random, List<Dropped> dropped)
            throws Exception {
        List<Runnable> drops = new ArrayList<>();
        List<byte[]> texts = new ArrayList<>();
        for (int i = 0; i < TEXTS; i++) {
            byte[] text = ("Báo cáo số " + i + " về công tác Công đoàn cơ sở, lần chạy " + run + " mã " + UUID.randomUUID())
                    .getBytes(StandardCharsets.UTF_8);
            texts.add(text);
            drops.add(drop(sohoa, "van ban " + i + ".txt", text, Kind.NEW, dropped));
        }
        for (int i = 0; i < 20; i++) {
            drops.add(drop(sohoa, "ban sao " + i + ".txt", texts.get(random.nextInt(TEXTS)), Kind.DUPLICATE, dropped));
        }
        for (String scan : List.of("Tham du lop tap huan.png", "giao chi tieu phat trien.png")) {
            byte[] image = Files.readAllBytes(RunningArchive.corpus().resolve(scan));
            for (int i = 0; i < 2; i++) {
                byte[] unique = Arrays.copyOf(image, image.length + 16);
                random.nextBytes(unique);
                System.arraycopy(image, 0, unique, 0, image.length);
                drops.add(drop(sohoa, "anh " + i + " " + scan, unique, Kind.NEW, dropped));
            }
        }
        byte[] png = Files.readAllBytes(RunningArchive.corpus().resolve("Tham du lop tap huan.png"));
        drops.add(drop(sohoa, "rong.pdf", new byte[0], Kind.BROKEN, dropped));
        drops.add(drop(sohoa, "cat do.png", Arrays.copyOf(png, png.length / 3), Kind.BROKEN, dropped));
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        drops.add(drop(sohoa, "khong phai pdf.pdf", noise, Kind.BROKEN, dropped));
        if (sohoa.runsAsAnotherUser()) {
            drops.add(() -> {
                byte[] secret = ("Không đọc được " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
                Path file = sohoa.inbox().resolve("khong co quyen.txt");
                try {
                    Files.write(file, secret);
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                dropped.add(new Dropped("khong co quyen.txt", RunningArchive.sha256(secret), Kind.UNREADABLE));
            });
        }
        Collections.shuffle(drops, random);
        List<List<Runnable>> waves = new ArrayList<>();
        int per = (drops.size() + KILLS) / (KILLS + 1);
        for (int start = 0; start < drops.size(); start += per) {
            waves.add(drops.subList(start, Math.min(drops.size(), start + per)));
        }
        while (waves.size() <= KILLS) {
            waves.add(List.of());
        }
        return waves;
    }

    private static Runnable drop(SohoaProcess sohoa, String name, byte[] bytes, Kind kind, List<Dropped> dropped) {
        return () -> {
            try {
                Path part = sohoa.inbox().resolve(name + ".part");
                Files.write(part, bytes);
                Files.move(part, sohoa.inbox().resolve(name));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            dropped.add(new Dropped(name, RunningArchive.sha256(bytes), kind));
        };
    }

    private static List<Path> filesIn(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (Exception e) {
            return List.of(folder);
        }
    }

    private static String reason(Path failed, Dropped file) {
        try {
            return Files.readString(failed.resolve(file.name() + ".error.json"));
        } catch (Exception e) {
            return "(no report: " + e + ")";
        }
    }
}
