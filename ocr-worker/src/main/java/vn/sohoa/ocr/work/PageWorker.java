package vn.sohoa.ocr.work;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.sohoa.core.storage.StorageException;
import vn.sohoa.ocr.OcrPool;
import vn.sohoa.ocr.PageText;
import vn.sohoa.ocr.PageImage;
import vn.sohoa.ocr.PdfPageImage;

/**
 * Reads one page of a message: makes its image from the document's original, every OCR step
 * (orientation, deskew, clean-up, reading order, word boxes) and its PDF/A page image, then stores
 * the result. A page whose outcome is already stored is not read again. A page that cannot be made
 * from its original has that as its outcome; any other exception leaves the message unacknowledged,
 * so that it is delivered again. An exchange whose page was read here carries {@link #READ_HERE}.
 */
public final class PageWorker {

    /** The exchange property set when the page was read by this worker (not found stored, not dropped). */
    public static final String READ_HERE = "sohoa.pageReadHere";
    private static final Logger LOG = LoggerFactory.getLogger(PageWorker.class);
    private static final Duration STORAGE_WAIT = Duration.ofMinutes(30);
    private static final Duration STORAGE_RETRY = Duration.ofSeconds(5);

    private final OcrPool ocr;
    private final PageSources sources;
    private final PageCheckpoints checkpoints;
    private final Duration pageTimeout;

    /**
     * @param pageTimeout a page whose reading takes longer is given up here and delivered again: a hung
     *                    reading counts as a failure (its thread is left to it, see {@link OcrPool#abandon})
     */
    public PageWorker(OcrPool ocr, PageSources sources, PageCheckpoints checkpoints, Duration pageTimeout) {
        this.ocr = ocr;
        this.sources = sources;
        this.checkpoints = checkpoints;
        this.pageTimeout = pageTimeout;
    }

    /**
     * Reads the page of the message. Object storage that does not answer is waited for here, the
     * message held: it is not the page's fault, and each delivery given back counts towards the
     * dead-letter queue.
     */
    public void read(Exchange exchange) throws Exception {
        PageJob job = PageJob.fromJson(exchange.getIn().getBody(String.class));
        long deadline = System.nanoTime() + STORAGE_WAIT.toNanos();
        while (true) {
            try {
                exchange.setProperty(READ_HERE, read(job));
                return;
            } catch (StorageException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warn("Object storage failed while page {} of {} was read; trying again: {}", job.page(),
                        job.document(), e.getMessage());
                Thread.sleep(STORAGE_RETRY.toMillis());
            }
        }
    }

    private boolean read(PageJob job) throws Exception {
        if (checkpoints.isDone(job.document(), job.page())) {
            LOG.info("Page {} of {} was read already", job.page(), job.document());
            return false;
        }
        try {
            Optional<PageImage> image = sources.image(job);
            if (image.isEmpty()) {
                LOG.info("Page {} of {} is dropped: its document's original is no longer stored (the file failed)",
                        job.page(), job.document());
                return false;
            }
            CompletableFuture<PageText> reading = ocr.read(image.get());
            PageText text = awaitReading(reading, job);
            checkpoints.put(job.document(), new PageResult(text.withoutImage(), PdfPageImage.of(text.image())));
            LOG.info("Read page {} of {}", job.page(), job.document());
        } catch (UnreadablePage e) {
            LOG.warn("Page {} of {} cannot be made from its original: {}", job.page(), job.document(), e.getMessage());
            checkpoints.putUnreadable(job.document(), job.page(), e);
            return false;
        } catch (StorageException e) {
            throw e;
        } catch (Exception e) {
            LOG.warn("Page {} of {} could not be read: {}", job.page(), job.document(), e.toString());
            throw e;
        }
        return true;
    }

    private PageText awaitReading(CompletableFuture<PageText> reading, PageJob job) throws Exception {
        try {
            return reading.get(pageTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            ocr.abandon(reading);
            throw new TimeoutException("Page " + job.page() + " of " + job.document() + " took longer than "
                    + pageTimeout.toSeconds() + " s");
        }
    }
}
