package vn.sohoa.pipeline.extraction;

import jakarta.jms.JMSException;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.sohoa.core.storage.StorageException;
import vn.sohoa.core.work.BrokerException;
import vn.sohoa.core.work.PageQueues;
import vn.sohoa.ocr.work.BrokerConnection;
import vn.sohoa.ocr.work.PageCheckpoints;
import vn.sohoa.ocr.work.PageJob;
import vn.sohoa.ocr.work.PageResult;
import vn.sohoa.ocr.work.UnreadablePage;

/**
 * Hands pages to the OCR workers through the broker and waits for them: a message naming the page
 * in the stored original goes to the page queue, and the page's future completes when a worker
 * announces the stored outcome (or fails when the page was dead-lettered). A page whose result is in
 * storage already is not sent again: a document read before a crash resumes at its unfinished pages.
 * A page that is neither back nor waiting on the queue for longer than a worker may hold one is sent
 * again, so that no document waits for ever for a page message that went missing (a worker that
 * dropped it, a queue purged by hand).
 */
public final class PageDispatch {

    private static final Logger LOG = LoggerFactory.getLogger(PageDispatch.class);

    private final PageCheckpoints checkpoints;
    private final BrokerConnection broker;
    private final Duration missingAfter;
    private final Map<String, Outstanding> waiting = new ConcurrentHashMap<>();
    /** Documents whose pages this process started sending (their start is marked in storage once). */
    private final Set<String> begun = ConcurrentHashMap.newKeySet();
    private volatile ProducerTemplate producer;

    /**
     * @param missingAfter how long a page may be neither back nor waiting on the queue before it is
     *     sent again: longer than a worker holds a page (its page timeout), as a page being read is
     *     not on the queue
     */
    public PageDispatch(PageCheckpoints checkpoints, BrokerConnection broker, Duration missingAfter) {
        this.checkpoints = checkpoints;
        this.broker = broker;
        this.missingAfter = missingAfter;
    }

    /** The template that sends page messages, once the Camel context is up. */
    public void sendWith(ProducerTemplate producer) {
        this.producer = producer;
    }

    /** The page's result, when it was read before. */
    public Optional<PageResult> finished(String document, int page) throws StorageException, IOException {
        return checkpoints.find(document, page);
    }

    /**
     * What an earlier run left of the document: whether it was being read, and which of its pages are
     * on the page queue still (sent, not read yet). Asked before a document's pages are sent, so the
     * broker is asked first whether it answers: a send to a broker that went away fails only after a
     * minute. The page queues are set up on it then if they could not be at start (it did not answer).
     */
    public Earlier earlier(String document) throws BrokerException, StorageException {
        if (!broker.answers()) {
            throw new BrokerException("The broker at " + broker.url() + " does not answer", null);
        }
        try {
            broker.declarePageQueues();
        } catch (JMSException e) {
            throw new BrokerException("Could not set up the page queues on the broker at " + broker.url() + ": "
                    + e.getMessage(), e);
        }
        if (!checkpoints.started(document)) {
            return Earlier.NOTHING;
        }
        try {
            return new Earlier(true, broker.queuedPages(document));
        } catch (JMSException e) {
            throw new BrokerException("Could not ask the broker which pages of " + document + " are queued: "
                    + e.getMessage(), e);
        }
    }

    public record Earlier(boolean started, Set<Integer> queued) {
        static final Earlier NOTHING = new Earlier(false, Set.of());
    }

    /**
     * Sends the page to the workers, unless an earlier run left it on the queue; the future completes
     * with its result once a worker stored it, or fails with {@link UnreadablePage} when the page
     * cannot be made from the original.
     */
    public CompletableFuture<PageResult> send(PageJob job, Earlier earlier) throws StorageException, BrokerException {
        Outstanding page = waiting.computeIfAbsent(job.key(), k -> new Outstanding(job));
        if (earlier.queued().contains(job.page())) {
            LOG.info("Page {} of {} is on the queue since before; waiting for it", job.page(), job.document());
            return page.result;
        }
        if (earlier.started()) {
            checkpoints.clearGivenUp(job.document(), job.page());
        } else if (begun.add(job.document())) {
            checkpoints.begin(job.document());
        }
        try {
            transmit(job);
        } catch (BrokerException e) {
            waiting.remove(job.key(), page);
            throw e;
        }
        return page.result;
    }

    private void transmit(PageJob job) throws BrokerException {
        try {
            producer.sendBodyAndHeaders("jms:queue:" + PageQueues.PAGES + "?preserveMessageQos=true", job.toJson(),
                    Map.of("JMSPriority", PageQueues.priority(job.page()),
                            BrokerConnection.DOCUMENT, job.document(),
                            BrokerConnection.PAGE, job.page()));
        } catch (CamelExecutionException e) {
            throw new BrokerException("Page " + job.page() + " of " + job.document() + " could not be sent to the broker: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
    }

    /** A worker stored a page: the document waiting for it gets its result. */
    public void done(Exchange exchange) throws StorageException, IOException {
        PageJob job = PageJob.fromJson(exchange.getIn().getBody(String.class));
        Outstanding page = waiting.remove(job.key());
        if (page == null) {
            return;
        }
        if (!complete(page.result, job.document(), job.page())) {
            waiting.put(job.key(), page);
        }
    }

    /** Completes the page's future with its stored outcome; false when there is none yet. */
    private boolean complete(CompletableFuture<PageResult> result, String document, int page)
            throws StorageException, IOException {
        Optional<PageResult> read = checkpoints.find(document, page);
        if (read.isPresent()) {
            result.complete(read.get());
            return true;
        }
        Optional<UnreadablePage> unreadable = checkpoints.unreadable(document, page);
        if (unreadable.isPresent()) {
            result.completeExceptionally(unreadable.get());
            return true;
        }
        return false;
    }

    /**
     * A page failed on every delivery: its document cannot be archived, and says which page. The page
     * is marked given up in storage, for the sohoa process that waits for it if it is another one.
     */
    public void dead(Exchange exchange) throws StorageException {
        PageJob job = PageJob.fromJson(exchange.getIn().getBody(String.class));
        LOG.warn("Page {} of {} failed {} times and was given up", job.page(), job.document(),
                PageQueues.MAX_DELIVERIES);
        checkpoints.giveUp(job.document(), job.page());
        giveUp(job.key(), job.page());
    }

    private void giveUp(String key, int page) {
        Outstanding given = waiting.remove(key);
        if (given != null) {
            given.result.completeExceptionally(UnreadableDocumentException.pageUnreadable(page));
        }
    }

    /**
     * Completes the pages whose results are stored though their notice was missed (the broker was
     * away, or another sohoa process took the dead letter), and sends again those gone missing.
     */
    public void sweep(Exchange exchange) throws StorageException, IOException {
        Map<String, Set<Integer>> queued = new HashMap<>();
        for (Outstanding page : List.copyOf(waiting.values())) {
            PageJob job = page.job;
            if (complete(page.result, job.document(), job.page())) {
                waiting.remove(job.key(), page);
            } else if (checkpoints.isGivenUp(job.document(), job.page())) {
                giveUp(job.key(), job.page());
            } else if (page.unaccountedFor(missingAfter)) {
                try {
                    if (!queuedPages(queued, job.document()).contains(job.page())
                            && !complete(page.result, job.document(), job.page())) {
                        LOG.warn("Page {} of {} was neither read nor waiting on the queue for {} s: it is sent again",
                                job.page(), job.document(), missingAfter.toSeconds());
                        transmit(job);
                    }
                    page.accountedFor();
                } catch (JMSException | BrokerException e) {
                    // The broker is away (health says so); the page is looked at again at the next sweep.
                    LOG.debug("Could not look for page {} of {} on the queue: {}", job.page(), job.document(),
                            e.getMessage());
                }
            }
        }
    }

    private Set<Integer> queuedPages(Map<String, Set<Integer>> asked, String document) throws JMSException {
        Set<Integer> pages = asked.get(document);
        if (pages == null) {
            pages = broker.queuedPages(document);
            asked.put(document, pages);
        }
        return pages;
    }

    /** The document is stored: its pages' work objects go. */
    public void forget(String document) throws StorageException {
        begun.remove(document);
        checkpoints.forget(document);
    }

    /** A page sent to the workers (or left on the queue by an earlier run) and not back yet. */
    private static final class Outstanding {

        private final PageJob job;
        private final CompletableFuture<PageResult> result = new CompletableFuture<>();
        /** When the page was last known to be sent or waiting on the queue. */
        private volatile long accountedNanos = System.nanoTime();

        private Outstanding(PageJob job) {
            this.job = job;
        }

        private boolean unaccountedFor(Duration time) {
            return System.nanoTime() - accountedNanos > time.toNanos();
        }

        private void accountedFor() {
            accountedNanos = System.nanoTime();
        }
    }

    /** Pages sent to the workers and not back yet. */
    public int inFlight() {
        return waiting.size();
    }

    public long queueDepth() throws JMSException {
        return broker.queueDepth();
    }
}
