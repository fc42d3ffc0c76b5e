package vn.sohoa.pipeline.ingest;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import vn.sohoa.core.index.IndexException;
import vn.sohoa.core.storage.StorageException;

/**
 * The archivists' manifests ({@code metadata.csv}/{@code .xlsx}) in the watched folders. A manifest
 * that arrives or changes is applied to the documents already archived from its folder; files
 * archived after it read it themselves ({@link ManifestSteps#readForFile}). Inbox manifests are seen
 * within a second, batch ones with the nightly batch. A manifest stays in its folder until it has
 * been applied and its folder has no file left to archive, then moves to {@code done/}.
 */
public class ManifestRoutes extends RouteBuilder {

    private final WatchedFolders folders;
    private final ManifestSteps steps;
    private final EnginesAnswer enginesAnswer;
    private final IngestOptions options;

    public ManifestRoutes(WatchedFolders folders, ManifestSteps steps, EnginesAnswer enginesAnswer,
            IngestOptions options) {
        this.folders = folders;
        this.steps = steps;
        this.enginesAnswer = enginesAnswer;
        this.options = options;
    }

    @Override
    public void configure() {
        IngestRoutes.refusedWhileEnginesAnswer(onException(StorageException.class, IndexException.class), enginesAnswer)
                .log(LoggingLevel.ERROR, "Manifest ${header.CamelFilePath} was refused by an engine and is not applied "
                        + "until it changes: ${exception.message}")
                .process(steps::refuse);

        IngestRoutes.retriedWhileEnginesAreDown(onException(StorageException.class, IndexException.class), options)
                .log(LoggingLevel.WARN, "Manifest ${header.CamelFilePath} waits for the engines and will be applied "
                        + "at a later poll: ${exception.message}");

        onException(Exception.class)
                .handled(true)
                .log(LoggingLevel.ERROR, "Manifest ${header.CamelFilePath} could not be applied: ${exception}");

        from(IngestRoutes.watch(folders.inbox(), "manifestFiles", options) + IngestRoutes.INBOX_POLL)
                .routeId("inbox-manifests")
                .to("direct:manifest");

        from(IngestRoutes.watch(folders.batch(), "manifestFiles", options) + IngestRoutes.nightly(options))
                .routeId("batch-manifests")
                .to("direct:manifest");

        from("direct:manifest")
                .routeId("manifest")
                .process(steps::applyToArchived);
    }
}
