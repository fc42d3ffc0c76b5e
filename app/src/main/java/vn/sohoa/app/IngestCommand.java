package vn.sohoa.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.sohoa.pipeline.ingest.IgnoredFiles;
import vn.sohoa.pipeline.manifest.ManifestReader;

@Command(name = "ingest", description = "Hands files or folders to the running archive; a folder keeps its name as the dossier.")
final class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", description = "Files or folders.")
    List<Path> paths;

    @Option(names = "--wait", description = "Show progress until every file is archived or failed.")
    boolean waitForResult;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Address of the running sohoa.")
    String url;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    @Override
    public Integer call() throws Exception {
        ApiClient api = new ApiClient(url);
        Map<String, String> sent = new LinkedHashMap<>();
        for (Path path : paths) {
            for (Map.Entry<Path, String> file : files(path).entrySet()) {
                JsonNode accepted = api.upload(file.getKey(), file.getValue());
                if ("MANIFEST".equals(accepted.path("status").asText())) {
                    out.println("Đã gửi tệp mục lục " + file.getKey());
                    continue;
                }
                sent.put(accepted.path("id").asText(), file.getKey().toString());
                out.println("Đã gửi " + file.getKey() + " -> " + accepted.path("id").asText());
            }
        }
        if (!waitForResult) {
            return 0;
        }
        return new Progress(api, out).follow(sent) ? 0 : 1;
    }

    private static boolean isManifest(Path file) {
        return ManifestReader.isManifest(file.getFileName().toString()) && !Files.isSymbolicLink(file);
    }

    /**
     * Each file with its dossier: the given folder's name and its subfolders. Manifests come first,
     * so that the files after them are archived with their values at once.
     */
    private static Map<Path, String> files(Path path) throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        if (Files.isRegularFile(path)) {
            files.put(path, "");
            return files;
        }
        if (!Files.isDirectory(path)) {
            throw new IOException("Không tìm thấy " + path);
        }
        Path root = path.toAbsolutePath().normalize();
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).filter(p -> isManifest(p) || !IgnoredFiles.isIgnored(p))
                    .sorted(Comparator.comparing((Path p) -> !isManifest(p)).thenComparing(Comparator.naturalOrder()))
                    .forEach(found::add);
        }
        for (Path file : found) {
            Path relativeDir = root.relativize(file).getParent();
            String dossier = root.getFileName() + (relativeDir == null ? "" : "/" + relativeDir);
            files.put(file, dossier.replace('\\', '/'));
        }
        return files;
    }
}
