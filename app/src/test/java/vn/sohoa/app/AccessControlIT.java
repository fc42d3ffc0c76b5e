package vn.sohoa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.spi.RestRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.sohoa.api.access.Permission;
import vn.sohoa.api.access.Role;
import vn.sohoa.core.document.Json;

/** Who may call what: every route of the running API, anonymous and with each role; sessions, CSRF, lockout, tokens. */
@ExtendWith(RunningArchive.Extension.class)
class AccessControlIT {

    private final RunningArchive archive = RunningArchive.get();
    private final Users users = new Users(archive);

    /** The operations the running API registered, from Camel's own registry, not from a list written here. */
    private List<RestRegistry.RestService> operations() {
        List<RestRegistry.RestService> services = archive.sohoa().camel().getRestRegistry().listAllRestServices();
        assertTrue(services.size() >= 20, "the API's operations are registered: " + services.size());
        return services;
    }

    private static String template(RestRegistry.RestService service) {
        String base = service.getBasePath() == null ? "" : service.getBasePath();
        String uri = service.getUriTemplate() == null ? "" : service.getUriTemplate();
        return (base + uri).replaceAll("/+", "/");
    }

    private HttpRequest.Builder request(RestRegistry.RestService service) {
        String path = template(service).replace("{id}", "0".repeat(64)).replace("{tokenId}", "0000")
                .replace("{username}", "khong-co-ai").replace("{n}", "1");
        String method = service.getMethod().toUpperCase(java.util.Locale.ROOT);
        return HttpRequest.newBuilder(URI.create(archive.url(path))).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString("{}"));
    }

    @Test
    void everyOperationRefusesAnonymousRequestsButHealthAndSignIn() throws Exception {
        for (RestRegistry.RestService service : operations()) {
            String method = service.getMethod().toUpperCase(java.util.Locale.ROOT);
            String path = template(service);
            Optional<Permission> required = archive.sohoa().guard().requirement(method, path);
            assertNotNull(required, method + " " + path + " passes the access guard");
            HttpResponse<byte[]> answer = archive.sendAsIs(request(service).build());
            boolean open = path.equals("/api/health") || method.equals("POST") && path.equals("/api/session");
            assertEquals(open, required.isEmpty(), method + " " + path);
            String message = Json.MAPPER.readTree(answer.body()).path("message").asText();
            if (open) {
                assertFalse(message.contains("Bạn cần đăng nhập"), method + " " + path + " is open: " + message);
            } else {
                assertEquals(401, answer.statusCode(), method + " " + path + ": " + new String(answer.body()));
                assertTrue(message.contains("Bạn cần đăng nhập"), message);
            }
        }
    }

    @Test
    void eachRoleIsRefusedExactlyWhatTheTableDeniesIt() throws Exception {
        Map<Role, Users.User> byRole = Map.of(
                Role.OFFICER, users.create("officer", "tuyet-mat"),
                Role.ARCHIVIST, users.create("archivist", "tuyet-mat"),
                Role.ADMIN, users.create("admin", "tuyet-mat"));
        int refused = 0;
        for (RestRegistry.RestService service : operations()) {
            String method = service.getMethod().toUpperCase(java.util.Locale.ROOT);
            String path = template(service);
            Optional<Permission> required = archive.sohoa().guard().requirement(method, path);
            if (required.isEmpty() || path.startsWith("/api/maintenance") || path.equals("/api/session")) {
                continue; // open; rebuilding the shared index or signing out here would disturb the other tests
            }
            for (Map.Entry<Role, Users.User> user : byRole.entrySet()) {
                HttpResponse<byte[]> answer = archive.send(user.getValue().withToken(request(service)).build());
                boolean allowed = user.getKey().may(required.get());
                if (allowed) {
                    assertFalse(answer.statusCode() == 401 || answer.statusCode() == 403,
                            user.getKey() + " may " + method + " " + path + ": " + answer.statusCode());
                } else {
                    assertEquals(403, answer.statusCode(), user.getKey() + " may not " + method + " " + path);
                    refused++;
                }
            }
        }
        for (Role role : List.of(Role.OFFICER, Role.ARCHIVIST)) {
            HttpResponse<byte[]> verify = archive.send(byRole.get(role).withToken(HttpRequest.newBuilder(
                    URI.create(archive.url("/api/maintenance/verify"))).POST(HttpRequest.BodyPublishers.noBody())).build());
            assertEquals(403, verify.statusCode(), role + " may not verify");
        }
        assertTrue(refused >= 10, "officers and archivists are refused the admin's operations: " + refused);
    }

    @Test
    void aBrowserRequestThatChangesSomethingNeedsItsCsrfToken() throws Exception {
        Users.User user = users.create("officer", "none");
        HttpResponse<byte[]> forged = archive.send(users.json("POST", "/api/tokens", Map.of("name", "x"))
                .header("Cookie", user.cookies()).build());
        assertEquals(403, forged.statusCode());
        assertEquals("csrf", Json.MAPPER.readTree(forged.body()).path("error").asText());
        HttpResponse<byte[]> wrong = archive.send(users.json("POST", "/api/tokens", Map.of("name", "x"))
                .header("Cookie", user.cookies()).header("X-XSRF-TOKEN", "gia-mao").build());
        assertEquals(403, wrong.statusCode());
        assertEquals(201, archive.send(user.withSession(users.json("POST", "/api/tokens", Map.of("name", "x"))).build())
                .statusCode());
        assertEquals(200, archive.send(HttpRequest.newBuilder(URI.create(archive.url("/api/session")))
                .header("Cookie", user.cookies()).build()).statusCode(), "reading needs no CSRF token");
        HttpResponse<byte[]> formLogin = archive.sendAsIs(HttpRequest.newBuilder(URI.create(archive.url("/api/session")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user.username() + "&password=" + user.password()))
                .build());
        assertEquals(400, formLogin.statusCode(), "another site's form cannot sign a browser in");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountWithAClearMessage() throws Exception {
        Users.User user = users.create("officer", "none");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, users.signInResponse(user.username(), "sai-" + i).statusCode());
        }
        HttpResponse<byte[]> locked = users.signInResponse(user.username(), user.password());
        assertEquals(429, locked.statusCode(), "locked even with the right password");
        assertTrue(Json.MAPPER.readTree(locked.body()).path("message").asText().contains("tạm khóa"));
        assertEquals(200, archive.send(HttpRequest.newBuilder(URI.create(archive.url("/api/session")))
                .header("Authorization", "Bearer " + user.token()).build()).statusCode(), "its token still works");
    }

    @Test
    void signingOutRevokingAndDisablingEndAccess() throws Exception {
        Users.User user = users.create("archivist", "mat");
        HttpRequest.Builder session = HttpRequest.newBuilder(URI.create(archive.url("/api/session")));
        assertEquals(200, archive.send(user.withSession(session).DELETE().build()).statusCode());
        assertEquals(401, archive.send(HttpRequest.newBuilder(URI.create(archive.url("/api/session")))
                .header("Cookie", user.cookies()).build()).statusCode(), "the session ended");

        Users.User again = users.signIn(user.username(), user.password());
        String tokenId = Json.MAPPER.readTree(archive.send(again.withToken(HttpRequest.newBuilder(
                URI.create(archive.url("/api/tokens")))).build()).body()).path("tokens").path(0).path("id").asText();
        assertFalse(tokenId.isEmpty());
        HttpResponse<byte[]> tokens = archive.send(again.withToken(HttpRequest.newBuilder(URI.create(archive.url(
                "/api/tokens")))).build());
        assertFalse(new String(tokens.body(), StandardCharsets.UTF_8).contains(again.token()), "a token is shown once");

        List<String> ids = new ArrayList<>();
        Json.MAPPER.readTree(tokens.body()).path("tokens").forEach(t -> ids.add(t.path("id").asText()));
        for (String id : ids) {
            assertEquals(200, archive.send(again.withSession(HttpRequest.newBuilder(URI.create(archive.url(
                    "/api/tokens/" + id)))).DELETE().build()).statusCode());
        }
        assertEquals(401, archive.send(HttpRequest.newBuilder(URI.create(archive.url("/api/search?q=x")))
                .header("Authorization", "Bearer " + again.token()).build()).statusCode(), "a revoked token is refused");

        Users.User third = users.signIn(user.username(), user.password());
        assertEquals(200, archive.send(users.json("PATCH", "/api/users/" + user.username(), Map.of("enabled", false))
                .build()).statusCode());
        assertEquals(401, archive.send(HttpRequest.newBuilder(URI.create(archive.url("/api/search?q=x")))
                .header("Authorization", "Bearer " + third.token()).build()).statusCode(), "a disabled account's token");
        assertEquals(401, archive.send(HttpRequest.newBuilder(URI.create(archive.url("/api/search?q=x")))
                .header("Cookie", third.cookies()).build()).statusCode(), "a disabled account's session");
        assertEquals(401, users.signInResponse(user.username(), user.password()).statusCode());
    }

    @Test
    void accountsAreShownWithoutTheirPasswordsAndUsersChangeTheirOwn() throws Exception {
        Users.User user = users.create("officer", "none");
        String listed = new String(archive.get("/api/users").body(), StandardCharsets.UTF_8);
        assertTrue(listed.contains(user.username()));
        assertFalse(listed.contains("argon2") || listed.contains("passwordHash") || listed.contains(user.password()));
        String next = "moi-" + UUID.randomUUID();
        assertEquals(400, archive.send(user.withSession(users.json("POST", "/api/account/password",
                Map.of("currentPassword", "sai", "newPassword", next))).build()).statusCode());
        HttpResponse<byte[]> changed = archive.send(user.withSession(users.json("POST", "/api/account/password",
                Map.of("currentPassword", user.password(), "newPassword", next))).build());
        assertEquals(200, changed.statusCode(), new String(changed.body()));
        assertFalse(Json.MAPPER.readTree(changed.body()).path("mustChangePassword").asBoolean());
        assertEquals(401, users.signInResponse(user.username(), user.password()).statusCode());
        assertEquals(200, users.signInResponse(user.username(), next).statusCode());
    }
}
