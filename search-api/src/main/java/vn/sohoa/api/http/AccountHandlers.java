package vn.sohoa.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import vn.sohoa.api.access.AccessGuard;
import vn.sohoa.api.access.Account;
import vn.sohoa.api.access.AccountException;
import vn.sohoa.api.access.Accounts;
import vn.sohoa.api.access.ApiTokens;
import vn.sohoa.api.access.SignedIn;
import vn.sohoa.core.storage.StorageException;

/** Accounts (for admins) and a user's own tokens. */
public class AccountHandlers {

    private final Accounts accounts;
    private final ApiTokens tokens;

    public AccountHandlers(Accounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    void users(Exchange exchange) throws IOException, StorageException {
        ApiHandlers.json(exchange, 200, Map.of("users", accounts.all().stream().map(Account::view).toList()));
    }

    void addUser(Exchange exchange) throws IOException, StorageException, AccountException {
        JsonNode body = JsonBodies.object(exchange);
        String username = body.path("username").asText(null);
        String role = body.path("role").asText("officer");
        String clearance = body.path("clearance").asText("none");
        Account account = accounts.add(username, body.path("displayName").asText(null), role, clearance,
                body.path("password").asText(null));
        AccessGuard.audit(exchange, "account", username, "role", role, "clearance", clearance);
        ApiHandlers.json(exchange, 201, account.view());
    }

    void changeUser(Exchange exchange) throws IOException, StorageException, AccountException {
        String username = exchange.getIn().getHeader("username", String.class);
        JsonNode body = JsonBodies.object(exchange);
        Account before = accounts.existing(username);
        Account after = accounts.change(username, text(body, "displayName"), text(body, "role"), text(body, "clearance"),
                body.has("enabled") ? body.get("enabled").asBoolean() : null);
        if (body.hasNonNull("password")) {
            after = accounts.setPassword(username, body.get("password").asText(), false);
        }
        AccessGuard.audit(exchange, "account", username,
                "before", Map.of("role", before.role(), "clearance", before.clearance(), "enabled", before.enabled()),
                "after", Map.of("role", after.role(), "clearance", after.clearance(), "enabled", after.enabled()),
                "passwordReset", body.hasNonNull("password"));
        ApiHandlers.json(exchange, 200, after.view());
    }

    void createToken(Exchange exchange) throws IOException, StorageException {
        SignedIn user = SignedIn.of(exchange);
        JsonNode body = JsonBodies.objectOrMissing(exchange);
        String name = body.path("name").asText(null);
        int days = body.path("days").asInt(90);
        ApiTokens.Issued issued = tokens.issue(user.username(), name, days);
        AccessGuard.audit(exchange, "token", issued.stored().id(), "name", issued.stored().name(),
                "expiresAt", issued.stored().expiresAt().toString());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", issued.token());
        answer.putAll(view(issued.stored()));
        ApiHandlers.json(exchange, 201, answer);
        exchange.getMessage().setHeader("Cache-Control", "no-store");
    }

    void tokens(Exchange exchange) throws IOException, StorageException {
        List<Map<String, Object>> mine = tokens.of(SignedIn.of(exchange).username()).stream().map(AccountHandlers::view)
                .toList();
        ApiHandlers.json(exchange, 200, Map.of("tokens", mine));
    }

    void revokeToken(Exchange exchange) throws IOException, StorageException, NotFoundException {
        String id = exchange.getIn().getHeader("tokenId", String.class);
        AccessGuard.audit(exchange, "token", id);
        if (!tokens.revoke(SignedIn.of(exchange).username(), id)) {
            throw new NotFoundException("Bạn không có mã truy cập nào mang mã \"" + id + "\".");
        }
        ApiHandlers.json(exchange, 200, Map.of("id", id, "revoked", true));
    }

    private static Map<String, Object> view(ApiTokens.StoredToken token) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", token.id());
        view.put("name", token.name());
        view.put("createdAt", token.createdAt());
        view.put("expiresAt", token.expiresAt());
        view.put("revoked", token.revoked());
        return view;
    }

    private static String text(JsonNode body, String field) {
        return body.hasNonNull(field) ? body.get(field).asText() : null;
    }
}
