package vn.sohoa.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.sohoa.engines.EmbeddedEngines;

@Command(name = "ocr-worker", description = "Reads pages for a sohoa running elsewhere (or on this machine) "
        + "until stopped: more machines read more pages.")
final class OcrWorkerCommand implements Callable<Integer> {

    /** Neither: the broker from SOHOA_BROKER_URL. */
    @ArgGroup(multiplicity = "0..1")
    Joined joined;

    static final class Joined {
        @Option(names = "--broker", description = "The broker's address, tcp://HOST:PORT; object storage from "
                + "SOHOA_S3_ENDPOINT, SOHOA_S3_ACCESS_KEY, SOHOA_S3_SECRET_KEY.")
        String broker;

        @Option(names = "--data", description = "The data folder of the sohoa running on this machine, to join it.")
        Path data;
    }

    @Option(names = "--threads", description = "Pages read at once (default one per core).")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        Map<String, String> overrides = new HashMap<>();
        if (joined != null && joined.broker != null) {
            overrides.put("sohoa.broker.url", joined.broker);
        } else if (joined != null) {
            overrides.putAll(connectionOf(joined.data));
        }
        if (threads != null) {
            overrides.put("sohoa.ocr.threads", threads.toString());
        }
        OcrWorker worker = OcrWorker.start(overrides);
        UntilStopped.serve(worker, "ocr-worker");
        return 0;
    }

    /** The broker and storage of the sohoa running on the data folder, as it wrote them at its start. */
    private static Map<String, String> connectionOf(Path data) throws IOException {
        Path file = EmbeddedEngines.connectionFile(data.toAbsolutePath());
        if (!Files.isRegularFile(file)) {
            throw new IOException("no sohoa has run on " + data + " (" + file + " is missing)");
        }
        Properties connection = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            connection.load(in);
        }
        Map<String, String> overrides = new HashMap<>();
        connection.stringPropertyNames().forEach(key -> overrides.put(key, connection.getProperty(key)));
        return overrides;
    }
}
