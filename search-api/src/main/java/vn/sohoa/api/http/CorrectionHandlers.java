package vn.sohoa.api.http;

import java.util.List;
import vn.sohoa.api.access.AccessGuard;
import vn.sohoa.api.access.SignedIn;
import vn.sohoa.core.document.Correction;
import vn.sohoa.core.index.DocumentIndex;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import vn.sohoa.core.index.IndexException;
import vn.sohoa.core.storage.StorageException;
import vn.sohoa.pipeline.correction.InvalidCorrectionException;
import vn.sohoa.pipeline.correction.MetadataCorrections;

/**
 * {@code PATCH /api/documents/{id}/metadata} with {@code {"fields": {"subject": "..."}, "reason": "..."}}:
 * an archivist corrects fields of a document. The route then answers with the document as
 * {@code GET /api/documents/{id}} shows it (its handler runs next).
 */
public class CorrectionHandlers {

    private final MetadataCorrections corrections;
    private final DocumentIndex index;

    public CorrectionHandlers(MetadataCorrections corrections, DocumentIndex index) {
        this.corrections = corrections;
        this.index = index;
    }

    void correct(Exchange exchange) throws NotFoundException, StorageException, IndexException, IOException {
        String id = DocumentIds.visible(exchange, index).id();
        JsonNode body = JsonBodies.object(exchange);
        JsonNode fields = body.path("fields");
        if (!fields.isObject()) {
            throw new InvalidCorrectionException("Hãy gửi các trường cần sửa trong \"fields\", ví dụ "
                    + "{\"fields\": {\"subject\": \"Về việc tổ chức Đại hội\"}, \"reason\": \"Đọc sai\"}.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (!value.isNull() && !value.isValueNode()) {
                throw new InvalidCorrectionException("Giá trị của trường \"" + field.getKey() + "\" phải là một chuỗi.");
            }
            values.put(field.getKey(), value.isNull() ? null : value.asText());
        }
        JsonNode reason = body.path("reason");
        List<Correction> now = corrections.correct(id, values, reason.isValueNode() ? reason.asText() : null,
                        SignedIn.of(exchange).username())
                .orElseThrow(() -> DocumentIds.notFound(id));
        AccessGuard.audit(exchange, "changes", madeNow(now));
    }

    /** The corrections this request made: the last ones, made at the same instant. */
    private static List<Map<String, Object>> madeNow(List<Correction> all) {
        if (all.isEmpty()) {
            return List.of();
        }
        java.time.Instant last = all.get(all.size() - 1).at();
        return all.stream().filter(c -> c.at().equals(last)).map(c -> {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("field", c.field());
            change.put("from", c.from());
            change.put("to", c.to());
            change.put("reason", c.reason());
            return change;
        }).toList();
    }
}
