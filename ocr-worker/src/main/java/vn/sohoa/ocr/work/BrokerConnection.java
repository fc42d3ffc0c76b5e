package vn.sohoa.ocr.work;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.CachingConnectionFactory;
import vn.sohoa.core.work.PageQueues;

/**
 * The connection to the Artemis broker that carries page work, embedded or not: the Camel JMS
 * component the routes use, and what the broker says about its page queue. A worker takes one
 * message at a time (no prefetch), so that priorities hold and a killed worker holds one page only.
 */
public final class BrokerConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerConnection.class);
    /** JMS properties of a page message, for selecting the pages of one document. */
    public static final String DOCUMENT = "sohoaDocument";
    public static final String PAGE = "sohoaPage";
    private static final String MANAGEMENT = "activemq.management";
    private static final long ANSWER_MILLIS = 2000;
    private static final long FAILOVER_WAIT_MILLIS = 30_000;

    private final String url;
    private final ActiveMQConnectionFactory factory;
    private final CachingConnectionFactory shared;
    /** For questions asked now and then: fails at once when the broker does not answer. */
    private final ActiveMQConnectionFactory questions;
    private volatile boolean pageQueuesDeclared;

    public BrokerConnection(String url) {
        this.url = url;
        this.factory = new ActiveMQConnectionFactory(url);
        factory.setConsumerWindowSize(0);
        factory.setReconnectAttempts(-1);
        factory.setRetryInterval(1000);
        factory.setRetryIntervalMultiplier(2);
        factory.setMaxRetryInterval(10_000);
        // A call made while the broker is away waits for it this long, not for ever: a worker stopped
        // after its broker must be able to close its sessions.
        factory.setCallFailoverTimeout(FAILOVER_WAIT_MILLIS);
        this.shared = new CachingConnectionFactory(factory);
        shared.setSessionCacheSize(20);
        shared.setCacheConsumers(false);
        this.questions = new ActiveMQConnectionFactory(url);
        questions.setReconnectAttempts(0);
        // The one connection attempt gives up after this, not after the 2 s default: a broker that is
        // down answers no in 50 ms, so that /api/health and the ingest's outage check stay quick.
        questions.setRetryInterval(100);
        questions.setCallTimeout(ANSWER_MILLIS);
    }

    public String url() {
        return url;
    }

    /** The Camel component for {@code jms:} endpoints. */
    public JmsComponent component() {
        return JmsComponent.jmsComponent(shared);
    }

    /**
     * Sets up the page queues on the broker, embedded or not, through its management address: the
     * queues, and a page given up after {@link PageQueues#MAX_DELIVERIES} deliveries to the dead-letter
     * queue. Kept by the broker; done once by each process that sends pages, before its first page.
     */
    public void declarePageQueues() throws JMSException {
        if (pageQueuesDeclared) {
            return;
        }
        Message settings = ask(ask -> JMSManagementHelper.putOperationInvocation(ask, "broker", "addAddressSettings",
                PageQueues.PAGES, "{\"maxDeliveryAttempts\":" + PageQueues.MAX_DELIVERIES + ",\"redeliveryDelay\":1000,"
                        + "\"deadLetterAddress\":\"" + PageQueues.DEAD + "\"}"));
        if (!JMSManagementHelper.hasOperationSucceeded(settings)) {
            throw new JMSException("The broker refused the page queue's settings: " + result(settings));
        }
        for (String queue : new String[] {PageQueues.PAGES, PageQueues.DEAD}) {
            Message answer = ask(ask -> JMSManagementHelper.putOperationInvocation(ask, "broker", "createQueue",
                    "{\"name\":\"" + queue + "\",\"address\":\"" + queue + "\",\"routing-type\":\"ANYCAST\","
                            + "\"durable\":true}"));
            if (!JMSManagementHelper.hasOperationSucceeded(answer)
                    && !String.valueOf(result(answer)).contains("already exists")) {
                throw new JMSException("The broker refused the queue " + queue + ": " + result(answer));
            }
        }
        pageQueuesDeclared = true;
    }

    /** Whether the broker answers now: a connection opened within the answer time. */
    public boolean answers() {
        try (Connection connection = questions.createConnection()) {
            connection.createSession(false, Session.AUTO_ACKNOWLEDGE).close();
            return true;
        } catch (JMSException e) {
            return false;
        }
    }

    /** Messages on the page queue, waiting or being read. */
    public long queueDepth() throws JMSException {
        Message answer = ask(ask -> JMSManagementHelper.putAttribute(ask, "queue." + PageQueues.PAGES, "messageCount"));
        return ((Number) result(answer)).longValue();
    }

    private static Object result(Message answer) throws JMSException {
        try {
            return JMSManagementHelper.getResult(answer);
        } catch (JMSException e) {
            throw e;
        } catch (Exception e) {
            throw new JMSException("The broker's answer could not be read: " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Question {
        void put(Message ask) throws JMSException;
    }

    /** Asks the broker's management address a question and waits for its answer. */
    private Message ask(Question question) throws JMSException {
        try (Connection connection = questions.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = session.createTemporaryQueue();
            MessageConsumer answers = session.createConsumer(replies);
            connection.start();
            Message ask = session.createMessage();
            question.put(ask);
            ask.setJMSReplyTo(replies);
            session.createProducer(session.createQueue(MANAGEMENT)).send(ask);
            Message answer = answers.receive(ANSWER_MILLIS);
            if (answer == null) {
                throw new JMSException("The broker did not answer");
            }
            return answer;
        }
    }

    /** The pages of the document that are on the page queue now (sent before a restart, not yet read). */
    public Set<Integer> queuedPages(String document) throws JMSException {
        try (Connection connection = questions.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            connection.start();
            Set<Integer> pages = new HashSet<>();
            try (QueueBrowser browser = session.createBrowser(session.createQueue(PageQueues.PAGES),
                    DOCUMENT + " = '" + document.replace("'", "''") + "'")) {
                for (Object message : Collections.list(browser.getEnumeration())) {
                    pages.add(((Message) message).getIntProperty(PAGE));
                }
            }
            return pages;
        }
    }

    /**
     * Before stopping: a broker that does not answer is let go at once. Its connections are closed
     * without waiting for it, where stopping would otherwise close each consumer through a call that
     * waits {@value #FAILOVER_WAIT_MILLIS} ms for the broker's return (minutes in all). A broker that
     * answers is left alone, so that the pages being read are acknowledged as usual.
     */
    public void letGoIfAway() {
        if (!answers()) {
            LOG.warn("The broker at {} does not answer: its connections are closed without waiting for it", url);
            factory.close();
        }
    }

    @Override
    public void close() {
        shared.destroy();
        factory.close();
        questions.close();
    }
}
