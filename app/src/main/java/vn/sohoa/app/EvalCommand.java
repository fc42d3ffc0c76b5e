package vn.sohoa.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.sohoa.app.eval.CorpusEvaluation;
import vn.sohoa.core.document.Json;

@Command(name = "eval", description = "Archives a corpus with a truth.jsonl into a fresh, temporary archive and prints "
        + "how well it was read and found: CER, metadata accuracy and confidence per field against the targets, "
        + "MRR@10 and recall@10.")
final class EvalCommand implements Callable<Integer> {

    private static final String DOSSIER = "eval";

    @Parameters(index = "0", description = "Corpus folder with truth.jsonl and queries.jsonl, e.g. ../shared/corpus")
    Path corpus;

    @Option(names = "--keep-pages", paramLabel = "DIR", description = "Also write each document's extracted pages "
            + "to DIR, to measure the metadata again later with --pages")
    Path keepPages;

    @Option(names = "--pages", paramLabel = "DIR", description = "Archive nothing: measure the metadata read "
            + "from the pages an earlier --keep-pages wrote to DIR (no OCR, no CER, no search figures)")
    Path pages;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (pages != null) {
            out.print(CorpusEvaluation.reread(corpus, pages).text());
            return 0;
        }
        List<String> files = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("truth.jsonl"))) {
            files.add(Json.MAPPER.readTree(line).path("file").asText());
        }
        try (TemporaryArchive archive = TemporaryArchive.start(Map.of())) {
            archive.drop(corpus, files, DOSSIER);
            archive.awaitFinished(files, DOSSIER);
            out.print(new CorpusEvaluation(archive.url(), archive.token(), corpus, DOSSIER, keepPages).run().text());
        }
        return 0;
    }
}
