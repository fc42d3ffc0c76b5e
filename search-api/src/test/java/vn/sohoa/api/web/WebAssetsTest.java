package vn.sohoa.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebAssetsTest {

    private final WebAssets assets = new WebAssets("web/");

    @Test
    void theAppsFilesAreFoundWithTheirTypes() {
        WebAssets.Asset page = assets.find("index.html").orElseThrow();
        assertEquals("text/html; charset=utf-8", page.contentType());
        assertTrue(new String(page.bytes(), StandardCharsets.UTF_8).contains("<html lang=\"vi\">"));
        assertEquals("text/javascript; charset=utf-8", assets.find("static/app.js").orElseThrow().contentType());
        assertEquals("text/css; charset=utf-8", assets.find("static/app.css").orElseThrow().contentType());
        assertEquals(page.etag(), assets.find("index.html").orElseThrow().etag());
    }

    @Test
    void nothingOutsideTheAppsFolderOrOfAnotherKindIsServed() {
        for (String name : new String[] {"../application.properties", "static/../index.html", "/etc/passwd",
                "static/app.js.map", "Static/App.js", "static/.hidden.js", "logback.xml", "static/", ""}) {
            assertTrue(assets.find(name).isEmpty(), name);
        }
        assertTrue(assets.find("static/missing.js").isEmpty());
    }
}
