package vn.sohoa.pipeline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.sohoa.core.document.AdministrativeMetadata;
import vn.sohoa.core.document.DocumentRecord;
import vn.sohoa.core.document.Source;
import vn.sohoa.core.document.Titles;
import vn.sohoa.core.index.DocumentIndex;
import vn.sohoa.core.index.IndexException;
import vn.sohoa.core.index.RecordIndexing;
import vn.sohoa.core.storage.Checksums;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StorageException;
import vn.sohoa.core.work.BrokerException;
import vn.sohoa.core.text.VietnameseText;
import vn.sohoa.pipeline.extraction.DocumentExtractor;
import vn.sohoa.pipeline.metadata.AdministrativeReader;
import vn.sohoa.pipeline.pdfa.SearchablePdf;
import vn.sohoa.pipeline.extraction.UnreadableDocumentException;

/** The steps of the archive route, in the order {@link IngestRoutes} runs them. */
public class ArchiveSteps {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveSteps.class);

    private static final String GONE = "Tệp đã bị xóa hoặc chuyển khỏi thư mục trong khi đang được xử lý nên chưa được "
            + "lưu trữ. Hãy chép lại tệp vào thư mục inbox/.";

    private final DocumentExtractor extractor;
    private final ObjectStore store;
    private final DocumentIndex index;
    private final WatchedFolders folders;
    private final IngestTracker tracker;
    private final DocumentTurns turns = new DocumentTurns();
    private final FileClaims claims;
    private final SignerRegister signers;

    public ArchiveSteps(DocumentExtractor extractor, ObjectStore store, DocumentIndex index, WatchedFolders folders,
                        IngestTracker tracker, FileClaims claims, FolderLocks locks) {
        this.extractor = extractor;
        this.store = store;
        this.index = index;
        this.folders = folders;
        this.tracker = tracker;
        this.claims = claims;
        this.signers = new SignerRegister(store, index, locks);
    }

    public void receive(Exchange exchange) {
        Path file = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class)).toAbsolutePath();
        Path watched = folders.watchedFolderOf(file);
        String folder = WatchedFolders.dossierOf(watched, file.getParent());
        Source source = new Source(VietnameseText.nfc(file.getFileName().toString()), folder, Instant.now());
        exchange.setProperty(Ingest.PROPERTY, new Ingest(file, watched, source));
    }

    /**
     * Takes the file for this process until it has left the watched folder; a file another sohoa
     * process is archiving is left to it (the route stops here and the file is seen again later).
     */
    public void claimFile(Exchange exchange) throws IOException {
        Ingest ingest = ingest(exchange);
        if (!claims.claim(ingest.file)) {
            exchange.setRouteStop(true);
            return;
        }
        if (!Files.exists(ingest.file)) {
            claims.release(ingest.file);
            exchange.setRouteStop(true);
            return;
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                claims.release(ingest.file);
            }
        });
        tracker.started();
        LOG.info("Archiving {}", ingest.source.relativePath());
    }

    /** Shows other sohoa processes that the files this one holds are still being archived. */
    public void refreshClaims(Exchange exchange) {
        claims.refresh();
    }

    /** The document id: the SHA-256 of the file's bytes. */
    public void fingerprint(Exchange exchange) throws UnreadableDocumentException {
        Ingest ingest = ingest(exchange);
        try (InputStream in = Files.newInputStream(ingest.file)) {
            ingest.id = Checksums.sha256(in);
        } catch (AccessDeniedException e) {
            throw new UnreadableDocumentException(
                    "Không có quyền đọc tệp này. Hãy cấp quyền đọc cho tệp (hoặc chép lại tệp) rồi đưa vào lại.",
                    "permission denied: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UnreadableDocumentException(
                    "Không đọc được tệp (" + e.getClass().getSimpleName() + "). Hãy chép lại tệp rồi đưa vào lại.",
                    "cannot read file: " + e, e);
        }
        tracker.identified(ingest.id, ingest.source.fileName());
    }

    /** Holds the id until the exchange completes, so that two copies of one file are never archived at once in this process. */
    public void claim(Exchange exchange) throws InterruptedException {
        String id = ingest(exchange).id;
        turns.take(id);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                turns.giveBack(id);
            }
        });
    }

    public void findArchived(Exchange exchange) throws StorageException {
        Ingest ingest = ingest(exchange);
        ingest.record = store.findRecord(ingest.id).orElse(null);
    }

    public boolean isArchived(Exchange exchange) {
        return ingest(exchange).record != null;
    }

    /** The same bytes came again: the new file is noted on the document; a retry of the same file changes nothing. */
    public void recordDuplicate(Exchange exchange) throws StorageException {
        Ingest ingest = ingest(exchange);
        if (ingest.record.hasSource(ingest.source)) {
            return;
        }
        ingest.duplicate = true;
        ingest.record = ingest.record.withSource(ingest.source);
        store.putRecord(ingest.record);
        LOG.info("{} is a duplicate of {} ({})", ingest.source.relativePath(), ingest.record.fileName(), ingest.id);
    }

    public void extract(Exchange exchange) throws UnreadableDocumentException, IOException, InterruptedException,
            StorageException, BrokerException {
        Ingest ingest = ingest(exchange);
        try {
            ingest.extraction = extractor.extract(ingest.id, ingest.file, ingest.contentType,
                    page -> tracker.pageDone(ingest.id));
        } catch (OutOfMemoryError | StackOverflowError e) {
            // Left to fly, it would end the worker thread and leave the file claimed by nobody, forever.
            throw UnreadableDocumentException.tooComplex(ingest.source.fileName(), e);
        }
        SearchablePdf digitised = ingest.extraction.digitised();
        if (digitised != null) {
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    try {
                        digitised.close();
                    } catch (IOException e) {
                        LOG.warn("Could not delete the temporary PDF/A copy of {}: {}", ingest.source.relativePath(),
                                e.getMessage());
                    }
                }
            });
        }
    }

    /** The original is stored first: the OCR workers make its pages from the stored copy. */
    public void storeOriginal(Exchange exchange) throws StorageException, UnreadableDocumentException, IOException {
        Ingest ingest = ingest(exchange);
        ingest.contentType = extractor.contentType(ingest.file);
        ingest.size = Files.size(ingest.file);
        store.putOriginal(ingest.id, ingest.file, ingest.source.fileName(), ingest.contentType,
                ingest.source.receivedAt());
        ingest.originalWithoutRecord = true;
    }

    /**
     * The document's record: what was read, and the administrative metadata read off it (a signer of
     * whom only the given names were read completed from the archive's signers).
     */
    public void describe(Exchange exchange) throws IOException, IndexException {
        Ingest ingest = ingest(exchange);
        var extraction = ingest.extraction;
        AdministrativeMetadata metadata = AdministrativeReader.read(extraction.pages());
        String issued = AdministrativeMetadata.valueOf(metadata.issuedDate());
        ingest.record = new DocumentRecord(
                ingest.id,
                ingest.source.fileName(),
                ingest.source.folder(),
                extraction.contentType(),
                ingest.size,
                ingest.source.receivedAt(),
                extraction.method(),
                "vi",
                Titles.of(AdministrativeMetadata.valueOf(metadata.documentType()),
                        AdministrativeMetadata.valueOf(metadata.documentNumber()),
                        AdministrativeMetadata.valueOf(metadata.subject()), extraction.title()),
                issued == null ? null : LocalDate.parse(issued),
                extraction.properties(),
                extraction.pages(),
                List.of(ingest.source),
                metadata,
                ingest.manifest,
                ingest.manifestError);
        ingest.record = signers.withKnownSigner(ingest.record);
    }

    /** A scanned document's two-layer PDF/A copy, stored before the record that makes the document archived. */
    public void storeSearchablePdf(Exchange exchange) throws StorageException, IOException {
        Ingest ingest = ingest(exchange);
        SearchablePdf digitised = ingest.extraction.digitised();
        if (digitised == null || digitised.pageCount() == 0) {
            return;
        }
        String title = ingest.record.title() != null ? ingest.record.title() : ingest.source.fileName();
        store.putSearchablePdf(ingest.id, digitised.save(title), SearchablePdf.fileNameFor(ingest.source.fileName()));
    }

    /** The record makes the document archived; what its pages left while they were read goes. */
    public void storeRecord(Exchange exchange) throws StorageException {
        Ingest ingest = ingest(exchange);
        store.putRecord(ingest.record);
        ingest.originalWithoutRecord = false;
        ingest.storedNotIndexed = true;
        extractor.forgetPages(ingest.id);
    }

    /** The document is searchable at the index's next refresh, which the files archived meanwhile share. */
    public void index(Exchange exchange) throws IndexException, StorageException {
        Ingest ingest = ingest(exchange);
        RecordIndexing.put(store, index, ingest.record, DocumentIndex.Visible.AT_NEXT_REFRESH);
        ingest.storedNotIndexed = false;
    }

    /**
     * A signer whose family name could not be read, and those of documents waiting for this one's,
     * from the archive's signers. Not for a file whose bytes were archived before: that document's
     * signer was looked up then.
     */
    public void completeSigners(Exchange exchange) throws StorageException, IndexException, InterruptedException {
        Ingest ingest = ingest(exchange);
        if (ingest.extraction != null) {
            ingest.record = signers.update(ingest.record);
        }
    }

    /**
     * Only now, with the original stored and the document searchable, does the file leave the watched
     * folder. A file taken away meanwhile is archived all the same: its stored original is the document.
     */
    public void moveToDone(Exchange exchange) throws IOException {
        Ingest ingest = ingest(exchange);
        tracker.archived(ingest.id, ingest.source.fileName(), ingest.duplicate);
        if (!Files.exists(ingest.file)) {
            LOG.info("{} {} as {}; the file was taken out of the folder meanwhile",
                    ingest.duplicate ? "Duplicate" : "Archived", ingest.source.relativePath(), ingest.id);
            return;
        }
        Path target = folders.moveTo(folders.done(), ingest.watchedFolder, ingest.file);
        LOG.info("{} {} as {} -> {}", ingest.duplicate ? "Duplicate" : "Archived", ingest.source.relativePath(),
                ingest.id, target);
    }

    /** The file cannot be archived: it goes to failed/ beside a report saying why, to be fixed and dropped again. */
    public void moveToFailed(Exchange exchange) throws IOException {
        Ingest ingest = ingest(exchange);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause instanceof UnreadableDocumentException unreadable ? unreadable.reason()
                : cause instanceof StorageException ? "Kho lưu trữ tệp đang hoạt động nhưng từ chối lưu tệp này (xem mục "
                        + "detail). Hãy báo cho quản trị viên; sau khi lỗi được sửa, chép tệp vào lại thư mục inbox/."
                : cause instanceof BrokerException ? "Hàng đợi trang cần nhận dạng (máy chủ ActiveMQ Artemis) đang hoạt động "
                        + "nhưng từ chối nhận trang của tệp này (xem mục detail). Hãy báo cho quản trị viên; sau khi lỗi "
                        + "được sửa, chép tệp vào lại thư mục inbox/."
                : cause instanceof IndexException ? "Máy chủ chỉ mục tìm kiếm đang hoạt động nhưng từ chối ghi tài liệu "
                        + "này, thường vì một giá trị quá dài hoặc sai dạng (xem mục detail), chẳng hạn trong tệp mục lục. "
                        + "Hãy sửa rồi chép tệp vào lại thư mục inbox/."
                : "Lỗi không lường trước khi xử lý tệp (xem mục detail). Hãy báo cho quản trị viên; sau khi lỗi được "
                        + "sửa, chép tệp vào lại thư mục inbox/ để xử lý lại.";
        if (ingest != null && (ingest.storedNotIndexed || ingest.originalWithoutRecord)) {
            withdrawStored(ingest);
        }
        if (ingest == null || !Files.exists(ingest.file)) {
            LOG.warn("Could not archive a file that is no longer there: {}", cause == null ? "" : cause.getMessage());
            if (ingest != null) {
                tracker.failed(ingest.id, ingest.source.fileName(), GONE);
            }
            return;
        }
        Path target = folders.moveTo(folders.failed(), ingest.watchedFolder, ingest.file,
                failed -> FailureReport.write(failed, ingest, reason, cause));
        tracker.failed(ingest.id, ingest.source.fileName(), reason);
        LOG.warn("Failed {}: {} ({})", ingest.source.relativePath(), reason, cause == null ? "" : cause.getMessage());
    }

    /**
     * What the failed file put in storage is taken back: a record the index refused (nobody could
     * find it) and its original, or an original no record describes.
     */
    private void withdrawStored(Ingest ingest) {
        try {
            if (ingest.storedNotIndexed) {
                store.deleteRecord(ingest.id);
            }
            store.deleteOriginal(ingest.id);
        } catch (StorageException e) {
            LOG.warn("What {} ({}) put in storage stays there without being searchable: {}", ingest.source.relativePath(),
                    ingest.id, e.getMessage());
        }
    }

    /** Between retries for an engine that does not answer, the file counts as waiting for it, not as worked on. */
    public void waitForEngines(Exchange exchange) {
        Ingest ingest = ingest(exchange);
        if (ingest != null && ingest.id != null) {
            Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            tracker.waiting(ingest.id, ingest.source.fileName(), cause == null ? "engine unavailable" : cause.getMessage());
        }
    }

    /** An engine is down: the file stays in the watched folder and is tried again at a later poll. */
    public void leaveForRetry(Exchange exchange) {
        Ingest ingest = ingest(exchange);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "engine unavailable" : cause.getMessage();
        if (ingest != null) {
            tracker.waiting(ingest.id, ingest.source.fileName(), reason);
            LOG.warn("{} waits for the engines and will be retried: {}", ingest.source.relativePath(), reason);
        }
    }

    private static Ingest ingest(Exchange exchange) {
        return exchange.getProperty(Ingest.PROPERTY, Ingest.class);
    }
}
