package vn.sohoa.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import vn.sohoa.api.access.AccessDeniedException;
import vn.sohoa.api.access.AccessGuard;
import vn.sohoa.api.access.Account;
import vn.sohoa.api.access.AccountException;
import vn.sohoa.api.access.Accounts;
import vn.sohoa.api.access.LoginThrottle;
import vn.sohoa.api.access.Passwords;
import vn.sohoa.api.access.Sessions;
import vn.sohoa.api.access.SignedIn;
import vn.sohoa.core.storage.StorageException;

/** Signing in and out of a browser session, who is signed in, and changing one's own password. */
public class SessionHandlers {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final Accounts accounts;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final boolean secureCookies;

    public SessionHandlers(Accounts accounts, Sessions sessions, LoginThrottle throttle, boolean secureCookies) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.secureCookies = secureCookies;
    }

    void signIn(Exchange exchange) throws IOException, StorageException, AccessDeniedException {
        String contentType = exchange.getIn().getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            // Another site's form can post text or form fields here, never JSON: a sign-in must be JSON.
            throw new IllegalArgumentException("Đăng nhập cần thân JSON {\"username\", \"password\"} với "
                    + "Content-Type: application/json.");
        }
        JsonNode body = JsonBodies.object(exchange);
        String username = body.path("username").asText("").strip().toLowerCase(java.util.Locale.ROOT);
        String password = body.path("password").asText("");
        String address = AccessGuard.address(exchange);
        exchange.setProperty(AccessGuard.AUDIT_USER, username);
        Optional<Instant> locked = throttle.lockedUntil(username, address);
        if (locked.isPresent()) {
            throw new AccessDeniedException(429, "locked", "Đăng nhập sai nhiều lần: tạm khóa đến "
                    + CLOCK.format(locked.get()) + ". Hãy thử lại sau, hoặc nhờ quản trị viên đặt lại mật khẩu.");
        }
        Optional<Account> account = accounts.find(username).filter(a -> Passwords.matches(password, a.passwordHash()));
        if (account.isEmpty() || !account.get().enabled()) {
            throttle.failed(username, address);
            throw new AccessDeniedException(401, "unauthorized", account.isPresent()
                    ? "Tài khoản này đã bị khóa. Hãy liên hệ quản trị viên."
                    : "Tên đăng nhập hoặc mật khẩu không đúng.");
        }
        throttle.succeeded(username);
        String previous = AccessGuard.cookie(exchange.getIn(), Sessions.COOKIE);
        sessions.end(previous);
        Sessions.BrowserSession session = sessions.start(username);
        SignedIn.set(exchange, new SignedIn(account.get(), address, session));
        ApiHandlers.json(exchange, 200, account.get().view());
        String secure = secureCookies || "https".equalsIgnoreCase(exchange.getIn().getHeader("X-Forwarded-Proto", String.class))
                ? "; Secure" : "";
        exchange.getMessage().setHeader("Set-Cookie", List.of(
                Sessions.COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict" + secure,
                Sessions.CSRF_COOKIE + "=" + session.csrfToken() + "; Path=/; SameSite=Strict" + secure));
        exchange.getMessage().setHeader("Cache-Control", "no-store");
    }

    void session(Exchange exchange) throws IOException {
        ApiHandlers.json(exchange, 200, SignedIn.of(exchange).account().view());
    }

    void signOut(Exchange exchange) throws IOException {
        SignedIn user = SignedIn.of(exchange);
        if (user.session() != null) {
            sessions.end(user.session().id());
        }
        ApiHandlers.json(exchange, 200, Map.of("signedOut", true));
        exchange.getMessage().setHeader("Set-Cookie", List.of(
                Sessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict",
                Sessions.CSRF_COOKIE + "=; Path=/; Max-Age=0; SameSite=Strict"));
    }

    void changePassword(Exchange exchange) throws IOException, StorageException, AccountException {
        SignedIn user = SignedIn.of(exchange);
        JsonNode body = JsonBodies.object(exchange);
        if (!Passwords.matches(body.path("currentPassword").asText(""), user.account().passwordHash())) {
            throw new AccountException("Mật khẩu hiện tại không đúng.");
        }
        Account changed = accounts.setPassword(user.username(), body.path("newPassword").asText(""), true);
        AccessGuard.audit(exchange, "account", user.username());
        ApiHandlers.json(exchange, 200, changed.view());
    }
}
