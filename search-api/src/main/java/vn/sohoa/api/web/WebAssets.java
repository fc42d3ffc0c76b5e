package vn.sohoa.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import vn.sohoa.core.storage.Checksums;

/**
 * The web app's files, read from the classpath once and kept in memory (they are small), each with
 * its content type and an ETag. Only plain names are looked up: lower-case words, digits and dashes,
 * folders allowed, no dots but the extension's, so no request reaches outside the app's folder.
 */
final class WebAssets {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*\\.[a-z0-9]{2,5}");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json; charset=utf-8",
            "woff2", "font/woff2");

    record Asset(byte[] bytes, String contentType, String etag) {
    }

    private final String root;
    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    WebAssets(String root) {
        this.root = root;
    }

    Optional<Asset> find(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        String type = TYPES.get(extension);
        if (type == null) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(name, n -> load(n, type));
    }

    private Optional<Asset> load(String name, String type) {
        try (InputStream in = WebAssets.class.getClassLoader().getResourceAsStream(root + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new Asset(bytes, type, "\"" + Checksums.sha256(bytes).substring(0, 20) + "\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
