package vn.sohoa.pipeline.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import vn.sohoa.core.document.Json;

/** {@code NAME.error.json} beside a failed file: why it failed, in words an archivist understands. */
final class FailureReport {

    static final String SUFFIX = ".error.json";
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
        Path target = failedFile.resolveSibling(failedFile.getFileName() + SUFFIX);
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), report);
        return target;
    }
}
