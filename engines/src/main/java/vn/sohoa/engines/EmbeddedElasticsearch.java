package vn.sohoa.engines;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import vn.sohoa.core.files.FileTrees;

/**
 * A real single-node Elasticsearch, from the distribution zip on Maven Central, run as a child
 * process on loopback. Its data, logs and configuration live under {@code DATA/engines/elasticsearch},
 * so a second start reuses the index. Elasticsearch refuses to run as root: as root it is started as
 * {@code nobody}, keeping only the right to read and write files, so it can use any data folder.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final ChildProcess process;
    private final String url;

    private EmbeddedElasticsearch(ChildProcess process, String url) {
        this.process = process;
        this.url = url;
    }

    public static EmbeddedElasticsearch start(Path distribution, Path stateDir, String heap) throws IOException {
        return start(distribution, stateDir, heap, FreePort.onLoopback());
    }

    /** Starts it again on the same port and data, after it stopped. */
    EmbeddedElasticsearch restart(Path distribution, Path stateDir, String heap) throws IOException {
        process.close();
        return start(distribution, stateDir, heap, Integer.parseInt(url.substring(url.lastIndexOf(':') + 1)));
    }

    private static EmbeddedElasticsearch start(Path distribution, Path stateDir, String heap, int httpPort)
            throws IOException {
        Path home = unpack(distribution);
        Path config = stateDir.resolve("config");
        Path data = stateDir.resolve("data");
        Path logs = stateDir.resolve("logs");
        Path tmp = stateDir.resolve("tmp");
        for (Path dir : List.of(config, data, logs, tmp)) {
            Files.createDirectories(dir);
        }
        try (var leftByLauncher = Files.newDirectoryStream(tmp, "final-flags*")) {
            for (Path dir : leftByLauncher) {
                FileTrees.delete(dir);
            }
        }
        for (String file : List.of("jvm.options", "log4j2.properties")) {
            Files.copy(home.resolve("config").resolve(file), config.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(config.resolve("elasticsearch.yml"), String.join("\n",
                "cluster.name: sohoa",
                "node.name: sohoa-embedded",
                "path.data: " + data,
                "path.logs: " + logs,
                "network.host: 127.0.0.1",
                "http.port: " + httpPort,
                "transport.port: " + FreePort.onLoopback(),
                "discovery.type: single-node",
                "xpack.security.enabled: false",
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "action.destructive_requires_name: true",
                ""));

        List<String> command = new ArrayList<>(asUnprivilegedUser());
        command.add(home.resolve("bin/elasticsearch").toString());
        command.add("-p");
        command.add(stateDir.resolve("elasticsearch.pid").toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(stateDir.toFile());
        Map<String, String> env = builder.environment();
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_PATH_CONF", config.toString());
        env.put("ES_TMPDIR", tmp.toString());
        // The launcher leaves "final-flags" folders behind at every start: in this folder, emptied at the next.
        // It only starts the server and passes its output on, so it gets a small heap and the quick compiler.
        env.put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp
                + " -Xmx24m -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m");
        env.put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
        env.remove("JAVA_TOOL_OPTIONS");

        ChildProcess process = ChildProcess.start("Elasticsearch", builder, stateDir.resolve("launcher.pid"),
                logs.resolve("console.log"));
        String url = "http://127.0.0.1:" + httpPort;
        process.awaitHealthy(START_TIMEOUT,
                () -> Http.status(url + "/_cluster/health?wait_for_status=yellow&timeout=1s") == 200);
        return new EmbeddedElasticsearch(process, url);
    }

    public String url() {
        return url;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.close();
    }

    /**
     * Root may not run Elasticsearch: drop to nobody but keep the file-access capabilities, so a data
     * folder that only root may enter (under /root, or made by mktemp) still works. Java tests files
     * with access(2), which ignores capabilities after a change of user unless no_setuid_fixup is set.
     */
    private static List<String> asUnprivilegedUser() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return List.of();
        }
        return List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                "--securebits=+no_setuid_fixup",
                "--inh-caps=+dac_override,+dac_read_search", "--ambient-caps=+dac_override,+dac_read_search", "--");
    }

    /** Unzips the distribution once, beside the zip; an interrupted unzip is never mistaken for a complete one. */
    private static Path unpack(Path distribution) throws IOException {
        if (!Files.isRegularFile(distribution)) {
            throw new IOException("Elasticsearch distribution not found at " + distribution + ": run ./sohoa build");
        }
        Path parent = distribution.toAbsolutePath().getParent();
        try (ZipFile zip = new ZipFile(distribution.toFile())) {
            String top = zip.entries().nextElement().getName().split("/")[0];
            Path home = parent.resolve(top);
            if (Files.exists(home.resolve(".unpacked"))) {
                return home;
            }
            Path staging = Files.createTempDirectory(parent, top + ".unpacking-");
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("Unsafe entry in " + distribution + ": " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (entry.getName().startsWith(top + "/bin/")) {
                    target.toFile().setExecutable(true, false);
                }
            }
            makeReadableByAll(staging);
            Files.createFile(staging.resolve(top).resolve(".unpacked"));
            try {
                Files.move(staging.resolve(top), home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException alreadyThere) {
                if (!Files.exists(home.resolve(".unpacked"))) {
                    throw alreadyThere;
                }
            }
            FileTrees.delete(staging);
            return home;
        }
    }

    private static void makeReadableByAll(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.forEach(p -> {
                p.toFile().setReadable(true, false);
                if (Files.isDirectory(p)) {
                    p.toFile().setExecutable(true, false);
                }
            });
        }
    }
}
