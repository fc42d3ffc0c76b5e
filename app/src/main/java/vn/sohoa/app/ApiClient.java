package vn.sohoa.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import vn.sohoa.core.document.Json;

/**
 * The command line's way to a running sohoa: its HTTP API, as the user whose token is in
 * {@code SOHOA_TOKEN} or was saved by {@code ./sohoa login}.
 */
public final class ApiClient {

    private final String base;
    private final String token;
    private final BrowserSession session;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiClient(String base) {
        this(base, SavedToken.find().orElse(null));
    }

    public ApiClient(String base, String token) {
        this(base, token, null);
    }

    private ApiClient(String base, String token, BrowserSession session) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
        this.session = session;
    }

    /** The cookies of a session signed in as a browser is, and the CSRF token it must echo. */
    public record BrowserSession(String cookies, String csrfToken) {
    }

    /** Signs in as a browser does; a wrong name or password ends in the server's Vietnamese message. */
    public BrowserSession signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = exchange(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(
                        java.util.Map.of("username", username, "password", password)))).build());
        if (response.statusCode() != 200) {
            throw new IOException(Json.MAPPER.readTree(response.body()).path("message").asText("HTTP " + response.statusCode()));
        }
        StringBuilder cookies = new StringBuilder();
        String csrf = null;
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            cookies.append(cookies.isEmpty() ? "" : "; ").append(pair);
            if (pair.startsWith("XSRF-TOKEN=")) {
                csrf = pair.substring("XSRF-TOKEN=".length());
            }
        }
        return new BrowserSession(cookies.toString(), csrf);
    }

    ApiClient withSession(BrowserSession browser) {
        return new ApiClient(base, null, browser);
    }

    public JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery).GET().build());
    }

    public JsonNode post(String path) throws IOException, InterruptedException {
        return send(request(path).timeout(Duration.ofHours(6)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    JsonNode send(String method, String path, Object json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(json))).build());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (session != null) {
            builder.header("Cookie", session.cookies()).header("X-XSRF-TOKEN", session.csrfToken());
        }
        return builder;
    }

    /** Uploads one file; the API answers with its document id. */
    JsonNode upload(Path file, String folder) throws IOException, InterruptedException {
        String boundary = "sohoa-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (folder != null && !folder.isEmpty()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"folder\"\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + folder + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        String name = file.getFileName().toString().replace("\"", "%22");
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(file));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request("/api/documents")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            throw new IOException("sohoa is not running at " + base + " (start it with ./sohoa run)", e);
        }
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = exchange(request);
        JsonNode json = Json.MAPPER.readTree(response.body());
        if (response.statusCode() == 401) {
            throw new IOException(token == null
                    ? "not signed in: run ./sohoa login, or set SOHOA_TOKEN to a token made in the web page"
                    : "the token was refused (expired or revoked): run ./sohoa login again");
        }
        if (response.statusCode() >= 400) {
            throw new IOException(json.path("message").asText("HTTP " + response.statusCode()));
        }
        return json;
    }
}
