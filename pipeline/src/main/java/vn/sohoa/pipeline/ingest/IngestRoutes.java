package vn.sohoa.pipeline.ingest;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.OnExceptionDefinition;
import vn.sohoa.core.index.IndexException;
import vn.sohoa.core.storage.StorageException;
import vn.sohoa.core.work.BrokerException;
import vn.sohoa.pipeline.extraction.UnreadableDocumentException;

/**
 * The archive flow. Files dropped into {@code inbox/} are taken as soon as they stop changing;
 * files in {@code batch/} wait for the nightly run. Each file is fingerprinted, archived once
 * (original stored, extracted, the folder's manifest read, PDF/A copy and record stored, indexed)
 * or noted as a duplicate, and only then moved to {@code done/}. A file that cannot be read goes to
 * {@code failed/} with the reason, and so does a file an engine refuses while it answers; a file that
 * meets an engine that does not answer stays where it is and is tried again. A scanned document's PDF/A copy is stored before its record, so that a document with
 * a record has everything. Manifests themselves go through {@link ManifestRoutes}.
 */
public class IngestRoutes extends RouteBuilder {

    /** The inbox is looked at four times a second, from the start: a dropped file waits at most a quarter of a second to be seen. */
    static final String INBOX_POLL = "&initialDelay=0&delay=250";
    /**
     * Files archived beside those being OCRed (which are {@link IngestOptions#concurrency} at most):
     * a file read without OCR spends most of its time waiting for the index's next refresh (at most
     * a second) to be searchable, so many are in flight at once for 20 a second.
     */
    static final int FILES_BESIDE_OCR = 24;

    private final WatchedFolders folders;
    private final ArchiveSteps steps;
    private final ManifestSteps manifests;
    private final EnginesAnswer enginesAnswer;
    private final IngestOptions options;

    public IngestRoutes(WatchedFolders folders, ArchiveSteps steps, ManifestSteps manifests,
            EnginesAnswer enginesAnswer, IngestOptions options) {
        this.folders = folders;
        this.steps = steps;
        this.manifests = manifests;
        this.enginesAnswer = enginesAnswer;
        this.options = options;
    }

    @Override
    public void configure() {
        onException(UnreadableDocumentException.class)
                .handled(true)
                .process(steps::moveToFailed);

        // An engine that answers refused this file: it fails after a quick retry, it does not wait.
        refusedWhileEnginesAnswer(onException(StorageException.class, IndexException.class, BrokerException.class),
                enginesAnswer)
                .choice()
                    .when(enginesAnswer)
                        .process(steps::moveToFailed)
                    .otherwise()
                        .process(steps::leaveForRetry)
                .end();

        retriedWhileEnginesAreDown(onException(StorageException.class, IndexException.class, BrokerException.class),
                options)
                .onRedelivery(steps::waitForEngines)
                .process(steps::leaveForRetry);

        onException(Exception.class)
                .handled(true)
                .process(steps::moveToFailed);

        from(watch(folders.inbox(), "ignoredFiles", options) + INBOX_POLL)
                .routeId("inbox")
                .threads(filesAtOnce(options), filesAtOnce(options))
                .to("direct:archive");

        from(watch(folders.batch(), "ignoredFiles", options) + nightly(options))
                .routeId("batch")
                .threads(filesAtOnce(options), filesAtOnce(options))
                .to("direct:archive");

        from("timer:claims?period=" + FileClaims.REFRESH.toMillis())
                .routeId("claims-refresh")
                .process(steps::refreshClaims);

        from("direct:archive")
                .routeId("archive")
                .process(steps::receive)
                .process(steps::claimFile)
                .process(steps::fingerprint)
                .process(steps::claim)
                .process(steps::findArchived)
                .choice()
                    .when(steps::isArchived)
                        .process(steps::recordDuplicate)
                    .otherwise()
                        .process(steps::storeOriginal)
                        .process(steps::extract)
                        .process(manifests::readForFile)
                        .process(steps::describe)
                        .process(steps::storeSearchablePdf)
                        .process(steps::storeRecord)
                .end()
                .process(steps::index)
                .process(steps::completeSigners)
                .process(steps::moveToDone)
                .process(manifests::moveWhenDossierDone);
    }

    /**
     * A watched folder, the files the filter bean lets through. The file stays in place while it is
     * processed ({@code noop}) and the route moves it; it is taken only once its size and
     * modification time have been stable for {@code stableMillis}, so a file still being copied in
     * is left alone.
     */
    static String watch(java.nio.file.Path folder, String filter, IngestOptions options) {
        return "file:" + folder
                + "?noop=true&idempotent=false&recursive=true&filter=#" + filter
                + "&readLock=changed&readLockMarkerFile=false&readLockCheckInterval=500&readLockMinLength=0"
                + "&readLockMinAge=" + options.stableMillis() + "&readLockTimeout=" + (options.stableMillis() * 4 + 2000)
                + "&readLockLoggingLevel=OFF&sortBy=file:modified&autoCreate=true";
    }

    /**
     * A call refused while both engines answer is the message's own failure: two quick retries, then
     * it is handled (asked once more after them: an engine may have stopped meanwhile).
     */
    static OnExceptionDefinition refusedWhileEnginesAnswer(OnExceptionDefinition onException, EnginesAnswer enginesAnswer) {
        return onException
                .onWhen(enginesAnswer)
                .maximumRedeliveries(2)
                .redeliveryDelay(500)
                .handled(true);
    }

    /**
     * An engine that does not answer is retried with growing delays; after the last retry the file
     * stays where it is for the next poll.
     */
    static OnExceptionDefinition retriedWhileEnginesAreDown(OnExceptionDefinition onException, IngestOptions options) {
        return onException
                .maximumRedeliveries(options.engineRetries())
                .redeliveryDelay(1000)
                .backOffMultiplier(2)
                .useExponentialBackOff()
                .maximumRedeliveryDelay(60_000)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .handled(true);
    }

    static int filesAtOnce(IngestOptions options) {
        return options.concurrency() + FILES_BESIDE_OCR;
    }

    /** The nightly schedule of {@code batch/}. */
    static String nightly(IngestOptions options) {
        return "&scheduler=quartz&scheduler.cron=" + options.batchCron().trim().replace(' ', '+');
    }
}
