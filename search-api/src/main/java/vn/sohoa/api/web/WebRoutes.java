package vn.sohoa.api.web;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * The web page, on the API's port: {@code /static/...} serves the app's files from the classpath
 * ({@code web/static/}), and each address people share ({@code /}, {@code /documents/{id}},
 * {@code /login}, {@code /upload}, {@code /ingest}) answers the app's one HTML page, whose script
 * then draws the page that address names.
 */
public class WebRoutes extends RouteBuilder {

    /** The addresses of the app's pages; each answers {@code index.html}. */
    static final List<String> PAGES = List.of("/", "/documents/{id}", "/login", "/upload", "/ingest");

    private final WebAssets assets;

    public WebRoutes() {
        this(new WebAssets("web/"));
    }

    WebRoutes(WebAssets assets) {
        this.assets = assets;
    }

    /** Camel's HTTP headers policy, but letting {@code Cache-Control} out, which it drops by default. */
    static final class WebHeaders extends HttpHeaderFilterStrategy {
        @Override
        protected void initialize() {
            super.initialize();
            getOutFilter().remove("cache-control");
        }
    }

    @Override
    public void configure() {
        bindToRegistry("sohoaWebHeaders", new WebHeaders());
        String options = "httpMethodRestrict=GET,HEAD&headerFilterStrategy=#sohoaWebHeaders";
        for (String page : PAGES) {
            String id = "web-page" + page.replaceAll("[^a-z]+", "-").replaceAll("-$", "");
            from("platform-http:" + page + "?" + options).routeId(id)
                    .process(e -> answer(e, "index.html"));
        }
        from("platform-http:/static?matchOnUriPrefix=true&" + options).routeId("web-static")
                .process(e -> answer(e, "static/" + staticPath(e)));
    }

    private static String staticPath(Exchange exchange) {
        String path = exchange.getIn().getHeader(Exchange.HTTP_PATH, String.class);
        if (path == null) {
            path = exchange.getIn().getHeader(Exchange.HTTP_URI, String.class);
        }
        path = path == null ? "" : path;
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
        return path.startsWith("/static/") ? path.substring("/static/".length())
                : path.startsWith("/") ? path.substring(1) : path;
    }

    private void answer(Exchange exchange, String name) {
        Message in = exchange.getIn();
        String ifNoneMatch = in.getHeader("If-None-Match", String.class);
        WebAssets.Asset asset = assets.find(name).orElse(null);
        Message out = exchange.getMessage();
        out.getHeaders().clear();
        securityHeaders(out);
        if (asset == null) {
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
            out.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
            out.setBody("Không có tệp này.");
            return;
        }
        out.setHeader("ETag", asset.etag());
        // Revalidated on each load: file names carry no version, and a 304 costs little on the office network.
        out.setHeader("Cache-Control", "no-cache");
        if (asset.etag().equals(ifNoneMatch)) {
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, 304);
            out.setBody(null);
            return;
        }
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setHeader(Exchange.CONTENT_TYPE, asset.contentType());
        out.setBody(asset.bytes());
    }

    private static void securityHeaders(Message out) {
        out.setHeader("X-Content-Type-Options", "nosniff");
        out.setHeader("Referrer-Policy", "same-origin");
        out.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; "
                + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
    }
}
