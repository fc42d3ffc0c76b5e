package vn.sohoa.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.activation.DataHandler;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.attachment.AttachmentMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.sohoa.api.access.AccessDeniedException;
import vn.sohoa.api.access.AccessGuard;
import vn.sohoa.api.access.SignedIn;
import vn.sohoa.api.audit.AuditRecorder;
import vn.sohoa.api.search.ArchiveSearch;
import vn.sohoa.api.search.SearchResult;
import vn.sohoa.api.search.BadQueryException;
import vn.sohoa.api.search.SearchRequest;
import vn.sohoa.core.audit.AuditTrail;
import vn.sohoa.core.document.ArchiveStandard;
import vn.sohoa.core.document.DocumentRecord;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.index.DocumentIndex;
import vn.sohoa.core.index.IndexEntry;
import vn.sohoa.core.index.IndexException;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StorageException;
import vn.sohoa.pipeline.ingest.IngestTracker;
import vn.sohoa.pipeline.ingest.Uploads;
import vn.sohoa.pipeline.ingest.WatchedFolders;
import vn.sohoa.pipeline.manifest.ManifestReader;
import vn.sohoa.pipeline.maintenance.FixityCheck;
import vn.sohoa.pipeline.maintenance.IndexRebuild;

/** What each API operation does; {@link ApiRoutes} maps the HTTP paths to these. */
public class ApiHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandlers.class);
    private static final String JSON = "application/json; charset=utf-8";
    /** How long a verify waits for the audit entries still on their way into storage (it checks what is there). */
    private static final Duration AUDIT_STORED_WAIT = Duration.ofSeconds(30);
    private static final String MANIFEST_RECEIVED = "Đã nhận tệp mục lục: thông tin trong đó được áp dụng cho các tệp "
            + "của thư mục, cả những tệp đã được lưu trữ.";

    private final ArchiveSearch search;
    private final DocumentIndex index;
    private final ObjectStore store;
    private final Uploads uploads;
    private final IngestTracker tracker;
    private final WatchedFolders folders;
    private final Health health;
    private final FixityCheck fixity;
    private final IndexRebuild rebuild;
    private final AuditRecorder audit;

    public ApiHandlers(ArchiveSearch search, DocumentIndex index, ObjectStore store, Uploads uploads,
                       IngestTracker tracker, WatchedFolders folders, Health health, FixityCheck fixity,
                       IndexRebuild rebuild, AuditRecorder audit) {
        this.search = search;
        this.index = index;
        this.store = store;
        this.uploads = uploads;
        this.tracker = tracker;
        this.folders = folders;
        this.health = health;
        this.fixity = fixity;
        this.rebuild = rebuild;
        this.audit = audit;
    }

    void verify(Exchange exchange) throws StorageException, JsonProcessingException, InterruptedException {
        FixityCheck.Report report = fixity.run(1.0);
        audit.awaitStored(AUDIT_STORED_WAIT);
        AuditTrail.Verification trail = AuditTrail.verify(store);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("intact", report.intact() && trail.intact());
        body.put("checked", report.checked());
        body.put("missing", report.missing());
        body.put("altered", report.altered());
        body.put("finishedAt", report.finishedAt());
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("intact", trail.intact());
        audit.put("entries", trail.entries());
        if (!trail.intact()) {
            audit.put("firstBroken", trail.firstBroken());
            audit.put("problem", trail.problem());
        }
        body.put("audit", audit);
        AccessGuard.audit(exchange, "intact", body.get("intact"),
                "checked", report.checked(), "auditIntact", trail.intact());
        json(exchange, 200, body);
    }

    void reindex(Exchange exchange) throws StorageException, IndexException, JsonProcessingException {
        IndexRebuild.Result result = rebuild.run();
        AccessGuard.audit(exchange, "index", result.index(),
                "documents", result.documents());
        json(exchange, 200, Map.of("index", result.index(), "documents", result.documents(),
                "archivedDuringRebuild", result.caughtUp(), "refused", result.refused()));
    }

    void health(Exchange exchange) throws JsonProcessingException {
        Map<String, Object> state = health.check();
        json(exchange, "DOWN".equals(state.get("status")) ? 503 : 200, state);
    }

    void search(Exchange exchange) throws BadQueryException, IndexException, JsonProcessingException {
        Message in = exchange.getIn();
        int page = intParam(in, "page", 0, 0, 10_000);
        int size = intParam(in, "size", 10, 1, SearchRequest.MAX_SIZE);
        SearchRequest request = new SearchRequest(
                in.getHeader("q", String.class),
                page,
                size,
                blankToNull(in.getHeader("contentType", String.class)),
                optionalInt(in, "year"),
                optionalInt(in, "ingestYear"),
                blankToNull(in.getHeader("folder", String.class)),
                blankToNull(in.getHeader("fileCode", String.class)),
                blankToNull(in.getHeader("type", String.class)),
                blankToNull(in.getHeader("issuer", String.class)),
                blankToNull(in.getHeader("signer", String.class)),
                date(in, "from"),
                date(in, "to"),
                blankToNull(in.getHeader("confidentiality", String.class)),
                SearchRequest.Sort.of(in.getHeader("sort", String.class)));
        SearchResult result = search.search(request, SignedIn.of(exchange).clearance());
        AccessGuard.audit(exchange, "q", request.query(),
                "filters", filters(in), "page", page, "hits", result.total());
        json(exchange, 200, result);
    }

    void document(Exchange exchange) throws NotFoundException, IndexException, JsonProcessingException {
        String id = DocumentIds.of(exchange);
        IndexEntry doc = DocumentIds.visible(exchange, index);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", doc.id());
        body.put("fileName", doc.fileName());
        body.put("title", doc.title() != null ? doc.title() : doc.fileName());
        body.put("folder", doc.folder());
        body.put("contentType", doc.contentType());
        body.put("size", doc.size());
        body.put("pageCount", doc.pageCount());
        body.put("extraction", doc.extraction());
        body.put("ocrConfidence", doc.ocrConfidence());
        body.put("language", doc.language());
        body.put("issuedDate", doc.issuedDate());
        body.put("ingestedAt", doc.ingestedAt());
        body.put("sources", doc.sources());
        body.put("fileCode", doc.fileCode());
        body.put("documentNumber", doc.documentNumber());
        body.put("documentType", doc.documentType());
        body.put("typeCode", doc.typeCode());
        body.put("issuer", doc.issuer());
        body.put("signer", doc.signer());
        body.put("subject", doc.subject());
        body.put("confidentiality", doc.confidentiality());
        body.put("provenance", doc.provenance());
        body.put("corrections", doc.corrections());
        body.put("manifest", doc.manifest());
        body.put("manifestError", doc.manifestError());
        body.put("metadata", doc.metadata());
        body.put("standard", ArchiveStandard.fields(doc.id(), doc.folder(), doc.metadata(), doc.pageCount(),
                doc.extraction(), doc.issuedDate(), doc.manifest(), doc.corrections()));
        body.put("possibleDuplicates", index.sameNumberAndIssuer(doc, SignedIn.of(exchange).clearance()));
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", "/api/documents/" + id);
        links.put("original", "/api/documents/" + id + "/original");
        links.put("text", "/api/documents/" + id + "/text");
        if (!"text".equals(doc.extraction())) {
            links.put("pdf", "/api/documents/" + id + "/pdf");
        }
        body.put("links", links);
        json(exchange, 200, body);
    }

    void original(Exchange exchange) throws NotFoundException, StorageException, IndexException {
        String id = DocumentIds.of(exchange);
        DocumentIds.visible(exchange, index);
        ObjectStore.StoredFile original = store.statOriginal(id).orElseThrow(() -> DocumentIds.notFound(id));
        download(exchange, original, store.openOriginal(id));
        exchange.getMessage().setHeader("X-Content-SHA256", id);
    }

    /** The two-layer PDF/A copy of a scanned document (page images with their OCR text), under the original's name. */
    void searchablePdf(Exchange exchange) throws NotFoundException, StorageException, IndexException {
        String id = DocumentIds.of(exchange);
        DocumentIds.visible(exchange, index);
        Optional<ObjectStore.StoredFile> pdf = store.statSearchablePdf(id);
        if (pdf.isEmpty()) {
            if (store.statOriginal(id).isEmpty()) {
                throw DocumentIds.notFound(id);
            }
            throw new NotFoundException("Tài liệu " + id + " không có bản số hóa PDF/A: chỉ tài liệu quét (có trang "
                    + "được nhận dạng chữ) mới có. Hãy tải bản gốc.");
        }
        download(exchange, pdf.get(), store.openSearchablePdf(id));
    }

    private static void download(Exchange exchange, ObjectStore.StoredFile file, InputStream bytes) {
        Message out = exchange.getMessage();
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setHeader(Exchange.CONTENT_TYPE, file.contentType());
        out.setHeader(Exchange.CONTENT_LENGTH, file.size());
        out.setHeader("Content-Disposition", ContentDisposition.attachment(file.fileName()));
        out.setBody(bytes);
    }

    void text(Exchange exchange) throws NotFoundException, StorageException, IndexException, JsonProcessingException {
        String id = DocumentIds.of(exchange);
        DocumentIds.visible(exchange, index);
        DocumentRecord record = store.findRecord(id).orElseThrow(() -> DocumentIds.notFound(id));
        json(exchange, 200, Map.of("id", id, "fileName", record.fileName(), "pages", record.pages()));
    }

    void upload(Exchange exchange) throws IOException, BadQueryException {
        AttachmentMessage message = exchange.getIn(AttachmentMessage.class);
        if (message == null || !message.hasAttachments()) {
            throw new BadQueryException("Không có tệp nào được gửi lên: hãy gửi tệp trong một trường multipart/form-data.");
        }
        String folder = exchange.getIn().getHeader("folder", String.class);
        List<Map<String, Object>> accepted = new java.util.ArrayList<>();
        for (Map.Entry<String, DataHandler> attachment : message.getAttachments().entrySet()) {
            String fileName = attachment.getValue().getName() != null ? attachment.getValue().getName() : attachment.getKey();
            try (InputStream content = attachment.getValue().getInputStream()) {
                String id = uploads.accept(content, fileName, folder);
                if (ManifestReader.isManifest(fileName)) {
                    accepted.add(Map.of("fileName", fileName, "status", "MANIFEST", "message", MANIFEST_RECEIVED));
                } else {
                    accepted.add(Map.of("id", id, "fileName", fileName, "status", "QUEUED",
                            "links", Map.of("status", "/api/ingest/" + id, "document", "/api/documents/" + id)));
                }
            }
        }
        AccessGuard.audit(exchange, "folder", folder, "files",
                accepted.stream().map(a -> AccessGuard.details("fileName", a.get("fileName"), "id", a.get("id"))).toList());
        Object body = accepted.size() == 1 ? accepted.get(0) : Map.of("files", accepted);
        json(exchange, 202, body);
    }

    void ingestStatus(Exchange exchange) throws JsonProcessingException {
        long waiting = folders.waitingFiles();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("queued", Math.max(0, waiting - tracker.inProgress()));
        body.put("inProgress", tracker.inProgress());
        body.put("archived", tracker.archived());
        body.put("duplicate", tracker.duplicates());
        body.put("failed", tracker.failed());
        body.put("waitingForEngines", tracker.waitingForEngines());
        body.put("pagesDone", tracker.pagesDone());
        json(exchange, 200, body);
    }

    void ingestOne(Exchange exchange) throws NotFoundException, IndexException, JsonProcessingException {
        String id = DocumentIds.of(exchange);
        IngestTracker.Status status = tracker.status(id);
        boolean archived = status == null || status.state() == IngestTracker.State.ARCHIVED
                || status.state() == IngestTracker.State.DUPLICATE;
        if (archived) {
            IndexEntry doc = DocumentIds.visible(exchange, index);
            if (status == null) {
                status = new IngestTracker.Status(IngestTracker.State.ARCHIVED, doc.fileName(), null);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("state", status.state());
        body.put("fileName", status.fileName());
        if (status.pagesDone() > 0) {
            body.put("pagesDone", status.pagesDone());
        }
        if (status.reason() != null) {
            body.put("reason", status.reason());
        }
        json(exchange, 200, body);
    }

    void denied(Exchange exchange) throws JsonProcessingException {
        AccessDeniedException denied = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, AccessDeniedException.class);
        json(exchange, denied.status(), Map.of("error", denied.code(), "message", denied.getMessage()));
        if (denied.status() == 401) {
            exchange.getMessage().setHeader("WWW-Authenticate", "Bearer realm=\"sohoa\"");
        }
    }

    void error(Exchange exchange, int status, String code) throws JsonProcessingException {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String message = cause == null ? code : cause.getMessage();
        if (status >= 500) {
            LOG.error("Request failed", cause);
            message = "Lỗi trong hệ thống khi xử lý yêu cầu. Hãy thử lại; nếu lỗi lặp lại, báo cho quản trị viên.";
        }
        json(exchange, status, Map.of("error", code, "message", message));
    }

    void unavailable(Exchange exchange, String engine) throws JsonProcessingException {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.warn("{} unavailable: {}", engine, cause == null ? "" : cause.getMessage());
        String message = "elasticsearch".equals(engine)
                ? "Chức năng tìm kiếm tạm thời không hoạt động (máy chủ chỉ mục không trả lời). Hãy thử lại sau ít phút."
                : "Kho lưu trữ tệp tạm thời không hoạt động. Hãy thử lại sau ít phút.";
        json(exchange, 503, Map.of("error", "unavailable", "engine", engine, "message", message));
    }

    static void json(Exchange exchange, int status, Object body) throws JsonProcessingException {
        Message out = exchange.getMessage();
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, JSON);
        out.setBody(Json.MAPPER.writeValueAsBytes(body));
    }

    private static Map<String, String> filters(Message in) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : List.of("type", "issuer", "signer", "year", "from", "to", "ingestYear", "contentType", "folder",
                "fileCode", "confidentiality")) {
            String value = blankToNull(in.getHeader(name, String.class));
            if (value != null) {
                filters.put(name, value);
            }
        }
        return filters;
    }

    private static int intParam(Message in, String name, int fallback, int min, int max) throws BadQueryException {
        Integer value = optionalInt(in, name);
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw new BadQueryException("Tham số " + name + " phải nằm trong khoảng " + min + " đến " + max + ".");
        }
        return value;
    }

    private static Integer optionalInt(Message in, String name) throws BadQueryException {
        String raw = in.getHeader(name, String.class);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadQueryException("Tham số " + name + " phải là một số nguyên, không phải \"" + raw + "\".");
        }
    }

    private static java.time.LocalDate date(Message in, String name) throws BadQueryException {
        String raw = blankToNull(in.getHeader(name, String.class));
        try {
            return raw == null ? null : java.time.LocalDate.parse(raw);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadQueryException("Tham số " + name + " phải là một ngày dạng YYYY-MM-DD, không phải \"" + raw + "\".");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
