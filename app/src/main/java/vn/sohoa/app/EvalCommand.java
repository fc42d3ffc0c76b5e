package vn.sohoa.app;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import vn.sohoa.app.eval.CorpusEvaluation;
import vn.sohoa.core.document.Json;

@Command(name = "eval", description = "Archives a corpus with a truth.jsonl into a fresh, temporary archive and prints "
        + "how well it was read and found: CER, metadata accuracy per field, MRR@10 and recall@10.")
final class EvalCommand implements Callable<Integer> {

    private static final String FOLDER = "eval";

    @Parameters(index = "0", description = "Corpus folder with truth.jsonl and queries.jsonl, e.g. ../shared/corpus")
    Path corpus;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path data = Files.createTempDirectory("sohoa-eval-");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (Sohoa sohoa = Sohoa.start(Map.of("sohoa.data.dir", data.toString(), "sohoa.http.port",
                Integer.toString(port), "sohoa.ingest.stable-millis", "200"))) {
            List<String> files = new ArrayList<>();
            for (String line : Files.readAllLines(corpus.resolve("truth.jsonl"))) {
                files.add(Json.MAPPER.readTree(line).path("file").asText());
            }
            Path inbox = Files.createDirectories(data.resolve("inbox").resolve(FOLDER));
            for (String file : files) {
                Path part = inbox.resolve(file + ".part");
                Files.copy(corpus.resolve(file), part);
                Files.move(part, inbox.resolve(file));
            }
            Path done = data.resolve("done").resolve(FOLDER);
            Path failed = data.resolve("failed").resolve(FOLDER);
            while (!files.stream().allMatch(f -> Files.exists(done.resolve(f)) || Files.exists(failed.resolve(f)))) {
                Thread.sleep(200);
            }
            out.print(new CorpusEvaluation("http://127.0.0.1:" + port, corpus, FOLDER).run().text());
        }
        return 0;
    }
}
