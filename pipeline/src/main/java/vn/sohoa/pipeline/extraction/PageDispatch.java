package vn.sohoa.pipeline.extraction;

import jakarta.jms.JMSException;
import java.io.IOException;
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
 */
public final class PageDispatch {

    private static final Logger LOG = LoggerFactory.getLogger(PageDispatch.class);

    private final PageCheckpoints checkpoints;
    private final BrokerConnection broker;
    private final Map<String, CompletableFuture<PageResult>> waiting = new ConcurrentHashMap<>();
    /** Documents whose pages this process started sending (their start is marked in storage once). */
    private final Set<String> begun = ConcurrentHashMap.newKeySet();
    private volatile ProducerTemplate producer;

    public PageDispatch(PageCheckpoints checkpoints, BrokerConnection broker) {
        this.checkpoints = checkpoints;
        this.broker = broker;
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
        CompletableFuture<PageResult> result = waiting.computeIfAbsent(job.key(), k -> new CompletableFuture<>());
        if (earlier.queued().contains(job.page())) {
            LOG.info("Page {} of {} is on the queue since before; waiting for it", job.page(), job.document());
            return result;
        }
        if (earlier.started()) {
            checkpoints.clearGivenUp(job.document(), job.page());
        } else if (begun.add(job.document())) {
            checkpoints.begin(job.document());
        }
        try {
            producer.sendBodyAndHeaders("jms:queue:" + PageQueues.PAGES + "?preserveMessageQos=true", job.toJson(),
                    Map.of("JMSPriority", PageQueues.priority(job.page()),
                            BrokerConnection.DOCUMENT, job.document(),
                            BrokerConnection.PAGE, job.page()));
        } catch (CamelExecutionException e) {
            waiting.remove(job.key(), result);
            throw new BrokerException("Page " + job.page() + " of " + job.document() + " could not be sent to the broker: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
        return result;
    }

    /** A worker stored a page: the document waiting for it gets its result. */
    public void done(Exchange exchange) throws StorageException, IOException {
        PageJob job = PageJob.fromJson(exchange.getIn().getBody(String.class));
        CompletableFuture<PageResult> result = waiting.remove(job.key());
        if (result == null) {
            return;
        }
        if (!complete(result, job.document(), job.page())) {
            waiting.put(job.key(), result);
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
        CompletableFuture<PageResult> result = waiting.remove(key);
        if (result != null) {
            result.completeExceptionally(UnreadableDocumentException.pageUnreadable(page));
        }
    }

    /**
     * Completes the pages whose results are stored though their notice was missed (the broker was
     * away, or another sohoa process took the dead letter).
     */
    public void sweep(Exchange exchange) throws StorageException, IOException {
        for (String key : Set.copyOf(waiting.keySet())) {
            int slash = key.lastIndexOf('/');
            String document = key.substring(0, slash);
            int page = Integer.parseInt(key.substring(slash + 1));
            CompletableFuture<PageResult> result = waiting.get(key);
            if (result != null && complete(result, document, page)) {
                waiting.remove(key);
            } else if (checkpoints.isGivenUp(document, page)) {
                giveUp(key, page);
            }
        }
    }

    /** The document is stored: its pages' work objects go. */
    public void forget(String document) throws StorageException {
        begun.remove(document);
        checkpoints.forget(document);
    }

    /** Pages sent to the workers and not back yet. */
    public int inFlight() {
        return waiting.size();
    }

    public long queueDepth() throws JMSException {
        return broker.queueDepth();
    }
}
