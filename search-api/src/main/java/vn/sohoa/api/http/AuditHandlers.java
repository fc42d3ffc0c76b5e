package vn.sohoa.api.http;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.sohoa.api.audit.AuditIndex;
import vn.sohoa.api.audit.AuditRecorder;
import vn.sohoa.core.audit.AuditEntry;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.index.IndexException;

/** The audit trail for admins: {@code GET /api/audit?user=&document=&action=&from=&to=&format=csv}. */
public class AuditHandlers {

    private static final ZoneId ARCHIVE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final AuditIndex index;
    private final AuditRecorder recorder;

    public AuditHandlers(AuditIndex index, AuditRecorder recorder) {
        this.index = index;
        this.recorder = recorder;
    }

    void query(Exchange exchange) throws IOException, IndexException, InterruptedException {
        Message in = exchange.getIn();
        recorder.flush();
        List<AuditEntry> entries = index.query(param(in, "user"), param(in, "document"), param(in, "action"),
                instant(param(in, "from"), false), instant(param(in, "to"), true), AuditIndex.MAX_RESULTS);
        if ("csv".equals(param(in, "format"))) {
            StringWriter csv = new StringWriter();
            try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT.builder()
                    .setHeader("at", "user", "address", "action", "document", "status", "details", "chain", "seq").get())) {
                for (AuditEntry e : entries) {
                    printer.printRecord(e.at(), e.user(), e.address(), e.action(), e.document(), e.status(),
                            Json.MAPPER.writeValueAsString(e.details()), e.chain(), e.seq());
                }
            }
            Message out = exchange.getMessage();
            out.getHeaders().clear();
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            out.setHeader(Exchange.CONTENT_TYPE, "text/csv; charset=utf-8");
            out.setHeader("Content-Disposition", ContentDisposition.attachment("nhat-ky-truy-cap.csv"));
            out.setBody(("\uFEFF" + csv).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        ApiHandlers.json(exchange, 200, Map.of("total", entries.size(), "entries", entries));
    }

    private static String param(Message in, String name) {
        String value = in.getHeader(name, String.class);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A day ({@code 2026-12-05}: its start, or its end for {@code to}) or an instant. */
    private static Instant instant(String value, boolean endOfDay) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ARCHIVE_ZONE).toInstant()
                        .minusMillis(endOfDay ? 1 : 0);
            }
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("Ngày \"" + value + "\" phải có dạng YYYY-MM-DD.");
        }
    }
}
