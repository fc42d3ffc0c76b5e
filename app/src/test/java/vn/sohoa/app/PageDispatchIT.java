package vn.sohoa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.work.PageQueues;
import vn.sohoa.engines.EmbeddedBroker;
import vn.sohoa.ocr.work.BrokerConnection;
import vn.sohoa.ocr.work.PageCheckpoints;
import vn.sohoa.ocr.work.PageJob;
import vn.sohoa.ocr.work.PageResult;
import vn.sohoa.ocr.work.UnreadablePage;
import vn.sohoa.pipeline.extraction.PageDispatch;

/**
 * Page messages that go missing between the pipeline and the workers, on a broker of the test's own
 * with no worker: the pipeline's {@link PageDispatch} against a real Artemis and real storage.
 */
@ExtendWith(RunningArchive.Extension.class)
class PageDispatchIT {

    private static final Duration MISSING_AFTER = Duration.ofSeconds(2);

    @TempDir
    Path brokerDir;

    @Test
    void aPageNeitherReadNorOnTheQueueIsSentAgainAndOneWaitingOnTheQueueIsNot() throws Exception {
        ObjectStore store = ObjectStore.connect(RunningArchive.get().sohoa().settings());
        PageCheckpoints checkpoints = new PageCheckpoints(store);
        String document = "missing-page-" + UUID.randomUUID();
        try (EmbeddedBroker server = EmbeddedBroker.start(brokerDir, "127.0.0.1", 0);
                BrokerConnection broker = new BrokerConnection(server.url());
                CamelContext camel = new DefaultCamelContext()) {
            camel.addComponent("jms", broker.component());
            camel.start();
            PageDispatch pages = new PageDispatch(checkpoints, broker, MISSING_AFTER);
            pages.sendWith(camel.createProducerTemplate());
            PageDispatch.Earlier earlier = pages.earlier(document);
            CompletableFuture<PageResult> lost = pages.send(PageJob.imageFrame(document, 0), earlier);
            pages.send(PageJob.imageFrame(document, 1), earlier);

            takeAndDrop(server.url(), 1);
            pages.sweep(null);
            assertEquals(1, broker.queueDepth(), "a page just taken by a worker may still be read");

            Thread.sleep(MISSING_AFTER.plusMillis(500).toMillis());
            pages.sweep(null);
            assertEquals(Set.of(1, 2), broker.queuedPages(document), "the lost page is on the queue again");
            assertEquals(2, broker.queueDepth(), "the page waiting on the queue is not sent twice");
            assertFalse(lost.isDone());

            checkpoints.putUnreadable(document, 1, new UnreadablePage(UnreadablePage.Cause.DAMAGED, "test page"));
            pages.sweep(null);
            ExecutionException outcome = assertThrows(ExecutionException.class, () -> lost.get(5, TimeUnit.SECONDS));
            assertInstanceOf(UnreadablePage.class, outcome.getCause(), "the page's stored outcome reaches the document");
        } finally {
            checkpoints.forget(document);
        }
    }

    /** A worker that takes the page off the queue and loses it. */
    private static void takeAndDrop(String url, int page) throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
                Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            connection.start();
            MessageConsumer consumer = session.createConsumer(session.createQueue(PageQueues.PAGES),
                    BrokerConnection.PAGE + " = " + page);
            Message taken = consumer.receive(5000);
            assertNotNull(taken, "page " + page + " is on the queue");
        }
    }
}
