package vn.sohoa.api.access;

import io.vertx.core.net.SocketAddress;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConstants;
import org.apache.camel.spi.Policy;
import vn.sohoa.api.audit.AuditRecorder;
import vn.sohoa.api.http.HttpStatuses;
import vn.sohoa.core.audit.AuditEntry;
import vn.sohoa.core.storage.StorageException;

/**
 * Stands before every API operation: finds who makes the request (a bearer token, else the browser
 * session's cookie), refuses it when nobody signed in or the user's {@link Role} lacks the
 * operation's {@link Permission} or a browser's change lacks its CSRF token, and after the handler
 * writes the audit entry of an audited operation, before the response leaves.
 */
public class AccessGuard {

    private static final String AUDIT_DETAILS = "sohoa.audit.details";
    /** The login name a failed sign-in tried, for its audit entry. */
    public static final String AUDIT_USER = "sohoa.audit.user";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final Sessions sessions;
    private final AuditRecorder audit;
    private final Map<String, Optional<Permission>> operations = new ConcurrentHashMap<>();

    public AccessGuard(Accounts accounts, ApiTokens tokens, Sessions sessions, AuditRecorder audit) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.sessions = sessions;
        this.audit = audit;
    }

    /**
     * The policy of an operation open to anyone (health, sign-in) when {@code permission} is empty,
     * else to signed-in users whose role holds it; {@code auditAction} null for an operation not audited.
     */
    public Policy policy(String method, String path, Optional<Permission> permission, String auditAction) {
        operations.put(method + " " + path, permission);
        return new Policy() {
            @Override
            public void beforeWrap(Route route, NamedNode definition) {
            }

            @Override
            public Processor wrap(Route route, Processor handler) {
                return exchange -> guard(exchange, permission, auditAction, handler);
            }
        };
    }

    /** What an operation requires, by method and path template ({@code GET /api/documents/{id}}); null when no such operation is guarded. */
    public Optional<Permission> requirement(String method, String path) {
        return operations.get(method + " " + path);
    }

    /**
     * What the audit entry of the request should say of its action beyond who, what and which
     * document (a query and its hits, an account's old and new role...): name and value pairs; a
     * null value is left out.
     */
    public static void audit(Exchange exchange, Object... namesAndValues) {
        exchange.setProperty(AUDIT_DETAILS, details(namesAndValues));
    }

    /** Name and value pairs as a map, null values left out: for details inside details. */
    public static Map<String, Object> details(Object... namesAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                details.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return details;
    }

    private void guard(Exchange exchange, Optional<Permission> permission, String auditAction, Processor handler)
            throws Exception {
        String address = address(exchange);
        String document = exchange.getIn().getHeader("id", String.class);
        Optional<SignedIn> user = permission.isPresent() ? signedIn(exchange, address) : signedInIfKnown(exchange, address);
        user.ifPresent(u -> SignedIn.set(exchange, u));
        if (permission.isPresent()) {
            if (user.isEmpty()) {
                throw AccessDeniedException.notSignedIn();
            }
            String method = exchange.getIn().getHeader(Exchange.HTTP_METHOD, String.class);
            if (user.get().session() != null && !SAFE_METHODS.contains(method) && !csrfTokenSent(exchange, user.get())) {
                record(user.get().username(), address, "denied", document, 403, Map.of("reason", "csrf"));
                throw new AccessDeniedException(403, "csrf", "Yêu cầu thiếu mã chống giả mạo (X-XSRF-TOKEN). Hãy tải lại "
                        + "trang rồi thử lại.");
            }
            if (!user.get().role().may(permission.get())) {
                record(user.get().username(), address, "denied", document, 403,
                        Map.of("operation", exchange.getFromRouteId() == null ? "" : exchange.getFromRouteId()));
                throw AccessDeniedException.forbidden();
            }
        }
        try {
            handler.process(exchange);
        } finally {
            if (auditAction != null) {
                SignedIn now = exchange.getProperty(SignedIn.PROPERTY, SignedIn.class);
                String who = now != null ? now.username() : exchange.getProperty(AUDIT_USER, String.class);
                @SuppressWarnings("unchecked")
                Map<String, Object> details = exchange.getProperty(AUDIT_DETAILS, Map.class);
                record(who, address, auditAction, document, status(exchange), details);
            }
        }
    }

    private void record(String user, String address, String action, String document, int status,
                        Map<String, Object> details) throws StorageException {
        audit.record(AuditEntry.of(user, address, action, document, details, status));
    }

    /** For an open operation (health, sign-in): who it is if that can be told, nobody if storage cannot say. */
    private Optional<SignedIn> signedInIfKnown(Exchange exchange, String address) {
        try {
            return signedIn(exchange, address);
        } catch (StorageException e) {
            return Optional.empty();
        }
    }

    private Optional<SignedIn> signedIn(Exchange exchange, String address) throws StorageException {
        Message in = exchange.getIn();
        return identify(in.getHeader("Authorization", String.class), in.getHeader("Cookie", String.class), address);
    }

    /**
     * Who a request is made by: the owner of a valid bearer token, else of a live browser session,
     * as long as the account is enabled; empty for anybody else.
     */
    public Optional<SignedIn> identify(String authorization, String cookies, String address) throws StorageException {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<ApiTokens.StoredToken> token = tokens.find(authorization.substring(7).strip());
            if (token.isEmpty()) {
                return Optional.empty();
            }
            return accounts.find(token.get().username()).filter(Account::enabled)
                    .map(account -> new SignedIn(account, address, null));
        }
        Optional<Sessions.BrowserSession> session = sessions.find(cookie(cookies, Sessions.COOKIE));
        if (session.isEmpty()) {
            return Optional.empty();
        }
        return accounts.find(session.get().username()).filter(Account::enabled)
                .map(account -> new SignedIn(account, address, session.get()));
    }

    private static boolean csrfTokenSent(Exchange exchange, SignedIn user) {
        String sent = exchange.getIn().getHeader(Sessions.CSRF_HEADER, String.class);
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                user.session().csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    /** The value of a cookie of the request, or null. */
    public static String cookie(Message in, String name) {
        return cookie(in.getHeader("Cookie", String.class), name);
    }

    private static String cookie(String header, String name) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).strip().equals(name)) {
                return part.substring(eq + 1).strip();
            }
        }
        return null;
    }

    public static String address(Exchange exchange) {
        Object remote = exchange.getIn().getHeader(VertxPlatformHttpConstants.REMOTE_ADDRESS);
        return remote instanceof SocketAddress socket ? socket.hostAddress() : "unknown";
    }

    private static int status(Exchange exchange) {
        Exception failure = exchange.getException();
        if (failure != null) {
            return HttpStatuses.of(failure);
        }
        Integer code = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        return code == null ? 200 : code;
    }
}
