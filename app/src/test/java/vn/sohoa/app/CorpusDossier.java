package vn.sohoa.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.sohoa.core.document.Json;

/**
 * The shared corpus, dropped once per test run into the inbox folder {@code HoSo-2024} as an
 * archivist would drop it. Every test class that needs the corpus archived asks here, so the same
 * bytes are never dropped twice (which would make them duplicates) whatever order the classes run in.
 */
final class CorpusDossier {

    static final String NAME = "HoSo-2024";

    private CorpusDossier() {
    }

    /** The corpus's file names, as {@code truth.jsonl} lists them. */
    static List<String> files() throws IOException {
        List<String> files = new ArrayList<>();
        for (String line : Files.readAllLines(RunningArchive.corpus().resolve("truth.jsonl"))) {
            JsonNode doc = Json.MAPPER.readTree(line);
            files.add(doc.path("file").asText());
        }
        return files;
    }

    /** Drops the corpus (unless it was already) and waits until every file of it has reached {@code done/}. */
    static synchronized void archive(RunningArchive archive) throws IOException, InterruptedException {
        Path corpus = RunningArchive.corpus();
        List<String> files = files();
        Path inbox = archive.inbox().resolve(NAME);
        Path done = archive.data().resolve("done").resolve(NAME);
        Files.createDirectories(inbox);
        for (String file : files) {
            if (Files.exists(done.resolve(file)) || Files.exists(inbox.resolve(file))) {
                continue;
            }
            Path part = inbox.resolve(file + ".part");
            Files.copy(corpus.resolve(file), part);
            Files.move(part, inbox.resolve(file));
        }
        RunningArchive.await(Duration.ofMinutes(10), "every corpus file to reach done/", () ->
                files.stream().allMatch(f -> Files.exists(done.resolve(f))));
    }
}
