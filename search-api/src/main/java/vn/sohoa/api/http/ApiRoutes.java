package vn.sohoa.api.http;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import vn.sohoa.api.search.BadQueryException;
import vn.sohoa.core.index.IndexException;
import vn.sohoa.core.storage.StorageException;

/** The HTTP API, JSON in UTF-8. Each operation is one route; errors become JSON with a clear message. */
public class ApiRoutes extends RouteBuilder {

    private final ApiHandlers api;
    private final PageImageHandlers pageImages;
    private final CorrectionHandlers corrections;

    public ApiRoutes(ApiHandlers api, PageImageHandlers pageImages, CorrectionHandlers corrections) {
        this.api = api;
        this.pageImages = pageImages;
        this.corrections = corrections;
    }

    @Override
    public void configure() {
        onException(NotFoundException.class).handled(true)
                .process(e -> api.error(e, 404, "not_found"));
        onException(BadQueryException.class, IllegalArgumentException.class).handled(true)
                .process(e -> api.error(e, 400, "bad_request"));
        onException(IndexException.class).handled(true)
                .process(e -> api.unavailable(e, "elasticsearch"));
        onException(StorageException.class).handled(true)
                .process(e -> api.unavailable(e, "objectStore"));
        onException(Exception.class).handled(true)
                .process(e -> api.error(e, 500, "internal_error"));

        restConfiguration().component("platform-http").bindingMode(RestBindingMode.off);

        rest("/api")
                .get("/health").to("direct:health")
                .get("/search").to("direct:search")
                .post("/documents").to("direct:upload")
                .get("/documents/{id}").to("direct:document")
                .get("/documents/{id}/original").to("direct:original")
                .get("/documents/{id}/pdf").to("direct:pdf")
                .get("/documents/{id}/text").to("direct:text")
                .get("/documents/{id}/pages/{n}").to("direct:pageImage")
                .patch("/documents/{id}/metadata").to("direct:correct")
                .get("/ingest/status").to("direct:ingestStatus")
                .get("/ingest/{id}").to("direct:ingestOne")
                .post("/maintenance/verify").to("direct:verify")
                .post("/maintenance/reindex").to("direct:reindex");

        from("direct:health").routeId("api-health").process(api::health);
        from("direct:search").routeId("api-search").process(api::search);
        from("direct:upload").routeId("api-upload").process(api::upload);
        from("direct:document").routeId("api-document").process(api::document);
        from("direct:original").routeId("api-original").process(api::original);
        from("direct:pdf").routeId("api-pdf").process(api::searchablePdf);
        from("direct:text").routeId("api-text").process(api::text);
        from("direct:pageImage").routeId("api-page-image").process(pageImages::page);
        from("direct:correct").routeId("api-correct").process(corrections::correct).process(api::document);
        from("direct:ingestStatus").routeId("api-ingest-status").process(api::ingestStatus);
        from("direct:ingestOne").routeId("api-ingest-one").process(api::ingestOne);
        from("direct:verify").routeId("api-verify").process(api::verify);
        from("direct:reindex").routeId("api-reindex").process(api::reindex);
    }
}
