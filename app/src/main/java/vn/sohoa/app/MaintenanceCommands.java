package vn.sohoa.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Maintenance of the running archive: fixity and index rebuild. */
final class MaintenanceCommands {

    private MaintenanceCommands() {
    }

    @Command(name = "verify", description = "Re-reads every stored original and record and reports any missing or altered.")
    static final class Verify implements Callable<Integer> {

        @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Address of the running sohoa.")
        String url;

        @Override
        public Integer call() throws Exception {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            JsonNode report = new ApiClient(url).post("/api/maintenance/verify");
            out.printf("%d tài liệu đã kiểm tra; thiếu: %d, bị thay đổi: %d%n", report.path("checked").asInt(),
                    report.path("missing").size(), report.path("altered").size());
            report.path("missing").forEach(m -> out.println("  THIẾU " + m.asText()));
            report.path("altered").forEach(a -> out.println("  BỊ THAY ĐỔI " + a.asText()));
            JsonNode audit = report.path("audit");
            if (audit.path("intact").asBoolean()) {
                out.printf("Nhật ký truy cập: %d mục, chuỗi liên kết nguyên vẹn%n", audit.path("entries").asLong());
            } else {
                out.printf("Nhật ký truy cập BỊ THAY ĐỔI từ mục %s: %s%n", audit.path("firstBroken").asText(),
                        audit.path("problem").asText());
            }
            return report.path("intact").asBoolean() ? 0 : 1;
        }
    }

    @Command(name = "reindex", description = "Rebuilds the search index from storage, without OCR, then swaps it in.")
    static final class Reindex implements Callable<Integer> {

        @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Address of the running sohoa.")
        String url;

        @Override
        public Integer call() throws Exception {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            JsonNode result = new ApiClient(url).post("/api/maintenance/reindex");
            out.printf("Chỉ mục %s: %d tài liệu%n", result.path("index").asText(), result.path("documents").asInt());
            if (result.path("refused").asInt() > 0) {
                out.printf("%d hồ sơ lưu trữ bị máy chủ chỉ mục từ chối, không tìm được (xem nhật ký của sohoa)%n",
                        result.path("refused").asInt());
            }
            return 0;
        }
    }
}
