package vn.sohoa.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.sohoa.core.document.Json;

/** Accounts made for a test through the API, as an admin makes them, and the ways they sign in. */
final class Users {

    private final RunningArchive archive;

    Users(RunningArchive archive) {
        this.archive = archive;
    }

    /** A signed-in user: a browser session (its cookies and CSRF token) and a token for scripts. */
    record User(String username, String password, String cookies, String csrfToken, String token) {

        HttpRequest.Builder withToken(HttpRequest.Builder request) {
            return request.header("Authorization", "Bearer " + token);
        }

        HttpRequest.Builder withSession(HttpRequest.Builder request) {
            return request.header("Cookie", cookies).header("X-XSRF-TOKEN", csrfToken);
        }
    }

    /** A new account with a unique name, signed in through a session, with a token made in that session. */
    User create(String role, String clearance) throws IOException, InterruptedException {
        String username = role.substring(0, 3) + "-" + clearance + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "mk-" + UUID.randomUUID();
        HttpResponse<byte[]> added = archive.send(json("POST", "/api/users", Map.of("username", username,
                "password", password, "role", role, "clearance", clearance)).build());
        if (added.statusCode() != 201) {
            throw new IllegalStateException("user not added: " + new String(added.body()));
        }
        return signIn(username, password);
    }

    User signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<byte[]> session = signInResponse(username, password);
        if (session.statusCode() != 200) {
            throw new IllegalStateException("not signed in: " + new String(session.body()));
        }
        String cookies = session.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        String csrf = session.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring("XSRF-TOKEN=".length())).findFirst()
                .orElseThrow();
        HttpResponse<byte[]> token = archive.send(json("POST", "/api/tokens", Map.of("name", "test"))
                .header("Cookie", cookies).header("X-XSRF-TOKEN", csrf).build());
        JsonNode issued = Json.MAPPER.readTree(token.body());
        return new User(username, password, cookies, csrf, issued.path("token").asText());
    }

    HttpResponse<byte[]> signInResponse(String username, String password) throws IOException, InterruptedException {
        return archive.sendAsIs(json("POST", "/api/session", Map.of("username", username, "password", password)).build());
    }

    HttpRequest.Builder json(String method, String path, Object body) throws IOException {
        return HttpRequest.newBuilder(URI.create(archive.url(path))).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)));
    }
}
