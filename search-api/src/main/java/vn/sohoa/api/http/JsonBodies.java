package vn.sohoa.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import org.apache.camel.Exchange;
import vn.sohoa.core.document.Json;

/** The JSON object a request sends; anything else is a bad request, said in Vietnamese. */
final class JsonBodies {

    private JsonBodies() {
    }

    static JsonNode object(Exchange exchange) throws IOException {
        JsonNode body = objectOrMissing(exchange);
        if (body.isMissingNode()) {
            throw new IllegalArgumentException("Yêu cầu cần một thân JSON.");
        }
        return body;
    }

    /** The request's JSON object; a missing node when it has no body. */
    static JsonNode objectOrMissing(Exchange exchange) throws IOException {
        byte[] bytes = exchange.getIn().getBody(byte[].class);
        if (bytes == null || bytes.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("Thân yêu cầu phải là một đối tượng JSON.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Thân yêu cầu không phải JSON hợp lệ.");
        }
    }
}
