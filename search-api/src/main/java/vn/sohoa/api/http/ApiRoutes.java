package vn.sohoa.api.http;

import static vn.sohoa.api.access.Permission.ACCOUNTS;
import static vn.sohoa.api.access.Permission.AUDIT;
import static vn.sohoa.api.access.Permission.CORRECT;
import static vn.sohoa.api.access.Permission.INGEST_STATUS;
import static vn.sohoa.api.access.Permission.MAINTENANCE;
import static vn.sohoa.api.access.Permission.OWN_ACCOUNT;
import static vn.sohoa.api.access.Permission.READ;
import static vn.sohoa.api.access.Permission.UPLOAD;

import java.util.Optional;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import vn.sohoa.api.access.AccessDeniedException;
import vn.sohoa.api.access.AccessGuard;
import vn.sohoa.api.access.AccountException;
import vn.sohoa.api.access.Permission;
import vn.sohoa.api.search.BadQueryException;
import vn.sohoa.core.index.IndexException;
import vn.sohoa.core.storage.StorageException;

/**
 * The HTTP API, JSON in UTF-8. Each operation is one line: its method and path, the permission it
 * needs (the {@link vn.sohoa.api.access.Role} table says who holds it), the action its audit entry
 * names (none: not audited), and its handler. Every operation passes the {@link AccessGuard};
 * errors become JSON with a clear message.
 */
public class ApiRoutes extends RouteBuilder {

    private final AccessGuard guard;
    private final ApiHandlers api;
    private final SessionHandlers session;
    private final AccountHandlers accounts;
    private final AuditHandlers audit;
    private final PageImageHandlers pageImages;
    private final CorrectionHandlers corrections;

    public ApiRoutes(AccessGuard guard, ApiHandlers api, SessionHandlers session, AccountHandlers accounts,
                     AuditHandlers audit, PageImageHandlers pageImages, CorrectionHandlers corrections) {
        this.guard = guard;
        this.api = api;
        this.session = session;
        this.accounts = accounts;
        this.audit = audit;
        this.pageImages = pageImages;
        this.corrections = corrections;
    }

    @Override
    public void configure() {
        onException(AccessDeniedException.class).handled(true)
                .process(e -> api.denied(e));
        onException(NotFoundException.class).handled(true)
                .process(e -> api.error(e, 404, "not_found"));
        onException(BadQueryException.class, AccountException.class, IllegalArgumentException.class).handled(true)
                .process(e -> api.error(e, 400, "bad_request"));
        onException(IndexException.class).handled(true)
                .process(e -> api.unavailable(e, "elasticsearch"));
        onException(StorageException.class).handled(true)
                .process(e -> api.unavailable(e, "objectStore"));
        onException(Exception.class).handled(true)
                .process(e -> api.error(e, 500, "internal_error"));

        restConfiguration().component("platform-http").bindingMode(RestBindingMode.off);

        open("GET", "/health", "health", null, api::health);
        open("POST", "/session", "sign-in", "login", session::signIn);
        guarded("GET", "/session", "session", OWN_ACCOUNT, null, session::session);
        guarded("DELETE", "/session", "sign-out", OWN_ACCOUNT, "logout", session::signOut);
        guarded("POST", "/account/password", "change-password", OWN_ACCOUNT, "password-change", session::changePassword);
        guarded("POST", "/tokens", "create-token", OWN_ACCOUNT, "token-create", accounts::createToken);
        guarded("GET", "/tokens", "tokens", OWN_ACCOUNT, null, accounts::tokens);
        guarded("DELETE", "/tokens/{tokenId}", "revoke-token", OWN_ACCOUNT, "token-revoke", accounts::revokeToken);

        guarded("GET", "/search", "search", READ, "search", api::search);
        guarded("GET", "/documents/{id}", "document", READ, "view", api::document);
        guarded("GET", "/documents/{id}/original", "original", READ, "download-original", api::original);
        guarded("GET", "/documents/{id}/pdf", "pdf", READ, "download-pdf", api::searchablePdf);
        guarded("GET", "/documents/{id}/text", "text", READ, "download-text", api::text);
        guarded("GET", "/documents/{id}/pages/{n}", "page-image", READ, "download-page", pageImages::page);

        guarded("POST", "/documents", "upload", UPLOAD, "upload", api::upload);
        guarded("PATCH", "/documents/{id}/metadata", "correct", CORRECT, "correct", exchange -> {
            corrections.correct(exchange);
            api.document(exchange);
        });
        guarded("GET", "/ingest/status", "ingest-status", INGEST_STATUS, null, api::ingestStatus);
        guarded("GET", "/ingest/{id}", "ingest-one", INGEST_STATUS, null, api::ingestOne);

        guarded("POST", "/maintenance/verify", "verify", MAINTENANCE, "verify", api::verify);
        guarded("POST", "/maintenance/reindex", "reindex", MAINTENANCE, "reindex", api::reindex);
        guarded("GET", "/users", "users", ACCOUNTS, null, accounts::users);
        guarded("POST", "/users", "add-user", ACCOUNTS, "user-add", accounts::addUser);
        guarded("PATCH", "/users/{username}", "change-user", ACCOUNTS, "user-change", accounts::changeUser);
        guarded("GET", "/audit", "audit", AUDIT, "audit-query", audit::query);
    }

    private void guarded(String method, String path, String id, Permission permission, String auditAction,
                         Processor handler) {
        operation(method, path, id, Optional.of(permission), auditAction, handler);
    }

    private void open(String method, String path, String id, String auditAction, Processor handler) {
        operation(method, path, id, Optional.empty(), auditAction, handler);
    }

    private void operation(String method, String path, String id, Optional<Permission> permission, String auditAction,
                           Processor handler) {
        rest("/api").verb(method.toLowerCase(java.util.Locale.ROOT), path).to("direct:" + id);
        from("direct:" + id).routeId("api-" + id)
                .policy(guard.policy(method, "/api" + path, permission, auditAction))
                .process(handler);
    }
}
