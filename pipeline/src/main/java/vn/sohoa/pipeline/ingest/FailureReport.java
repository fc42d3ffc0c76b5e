package vn.sohoa.pipeline.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.files.WholeFile;

/** {@code NAME.error.json} beside a failed file: why it failed, in words an archivist understands. */
final class FailureReport {

    static final String SUFFIX = ".error.json";
    private static final int MAX_NAME_BYTES = 255;
    private static final String HOW_TO_RETRY =
            "Sửa hoặc thay tệp theo lý do trên, rồi chép tệp vào lại thư mục inbox/ để hệ thống xử lý lại.";

    private FailureReport() {
    }

    static Path write(Path failedFile, Ingest ingest, String reason, Exception cause) throws IOException {
        ObjectNode report = Json.MAPPER.createObjectNode();
        report.put("file", ingest.source.fileName());
        report.put("folder", ingest.source.folder());
        report.put("reason", reason);
        report.put("howToRetry", HOW_TO_RETRY);
        report.put("failedAt", Instant.now().toString());
        if (ingest.id != null) {
            report.put("sha256", ingest.id);
        }
        if (cause != null) {
            report.put("detail", cause.getMessage());
        }
        Path target = failedFile.resolveSibling(reportName(failedFile.getFileName().toString()));
        WholeFile.write(target, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        return target;
    }

    /**
     * {@code NAME.error.json}; a name so long that the suffix would pass the file system's 255 bytes is
     * shortened (the report names the file in full inside).
     */
    static String reportName(String fileName) {
        byte[] suffix = SUFFIX.getBytes(StandardCharsets.UTF_8);
        String name = fileName;
        while (name.getBytes(StandardCharsets.UTF_8).length + suffix.length > MAX_NAME_BYTES) {
            name = name.substring(0, name.offsetByCodePoints(name.length(), -1));
        }
        return name + SUFFIX;
    }
}
