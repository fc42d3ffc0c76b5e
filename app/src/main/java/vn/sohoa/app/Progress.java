package vn.sohoa.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Follows files handed to the archive until each is archived, a duplicate, or failed. */
final class Progress {

    private static final Set<String> FINISHED = Set.of("ARCHIVED", "DUPLICATE", "FAILED");

    private final ApiClient api;
    private final PrintStream out;

    Progress(ApiClient api, PrintStream out) {
        this.api = api;
        this.out = out;
    }

    /** @return true when no file failed */
    boolean follow(Map<String, String> files) throws IOException, InterruptedException {
        long started = System.nanoTime();
        long pagesAtStart = api.get("/api/ingest/status").path("pagesDone").asLong();
        Set<String> done = new HashSet<>();
        int failed = 0;
        while (done.size() < files.size()) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                if (done.contains(file.getKey())) {
                    continue;
                }
                JsonNode status = api.get("/api/ingest/" + file.getKey());
                String state = status.path("state").asText();
                if (FINISHED.contains(state)) {
                    done.add(file.getKey());
                    if ("FAILED".equals(state)) {
                        failed++;
                        out.println("\nLỖI " + file.getValue() + ": " + status.path("reason").asText());
                    }
                }
            }
            long pages = api.get("/api/ingest/status").path("pagesDone").asLong() - pagesAtStart;
            double seconds = (System.nanoTime() - started) / 1e9;
            double filesPerSecond = done.size() / Math.max(seconds, 0.001);
            long left = filesPerSecond > 0 ? Math.round((files.size() - done.size()) / filesPerSecond) : -1;
            out.printf("\r%d/%d tệp xong, %d trang, %.1f trang/phút, còn khoảng %s   ", done.size(), files.size(), pages,
                    pages * 60 / Math.max(seconds, 0.001), left < 0 ? "?" : left + " giây");
            if (done.size() < files.size()) {
                Thread.sleep(1000);
            }
        }
        out.println();
        out.printf("Xong: %d tệp, %d lỗi, trong %.0f giây%n", files.size(), failed, (System.nanoTime() - started) / 1e9);
        return failed == 0;
    }
}
