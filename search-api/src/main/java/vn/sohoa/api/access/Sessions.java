package vn.sohoa.api.access;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.sstore.LocalSessionStore;
import io.vertx.ext.web.sstore.SessionStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Browser sessions in Vert.x Web's session store: a random id in an HttpOnly cookie, ended after a
 * time without requests or at sign-out. Each session holds its user and the token a page must echo
 * in {@code X-XSRF-TOKEN} on every request that changes something (the page reads it from the
 * cookie {@code XSRF-TOKEN}, which another site cannot read). Sessions live in this process.
 */
public class Sessions {

    public static final String COOKIE = "sohoa_session";
    public static final String CSRF_COOKIE = "XSRF-TOKEN";
    public static final String CSRF_HEADER = "X-XSRF-TOKEN";
    private static final String USER = "username";
    private static final String CSRF = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<Vertx> vertx;
    private final Duration idle;
    private volatile SessionStore store;

    /** A signed-in browser: its session id, user and the token that proves a request came from sohoa's own page. */
    public record BrowserSession(String id, String username, String csrfToken) {
    }

    public Sessions(Supplier<Vertx> vertx, Duration idle) {
        this.vertx = vertx;
        this.idle = idle;
    }

    public BrowserSession start(String username) {
        Session session = store().createSession(idle.toMillis(), 32);
        byte[] csrf = new byte[24];
        RANDOM.nextBytes(csrf);
        session.put(USER, username);
        session.put(CSRF, Base64.getUrlEncoder().withoutPadding().encodeToString(csrf));
        await(store().put(session));
        return new BrowserSession(session.id(), username, session.get(CSRF));
    }

    /** The live session with this id, its idle time restarted; empty when unknown or timed out. */
    public Optional<BrowserSession> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 200) {
            return Optional.empty();
        }
        Session session = await(store().get(id));
        if (session == null || session.isDestroyed() || session.get(USER) == null
                || System.currentTimeMillis() - session.lastAccessed() > session.timeout()) {
            return Optional.empty();
        }
        session.setAccessed();
        await(store().put(session));
        return Optional.of(new BrowserSession(session.id(), session.get(USER), session.get(CSRF)));
    }

    public void end(String id) {
        if (id != null) {
            await(store().delete(id));
        }
    }

    private SessionStore store() {
        if (store == null) {
            synchronized (this) {
                if (store == null) {
                    store = LocalSessionStore.create(vertx.get());
                }
            }
        }
        return store;
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Session store failed: " + e.getMessage(), e);
        }
    }
}
