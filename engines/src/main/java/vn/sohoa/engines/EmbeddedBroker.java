package vn.sohoa.engines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import vn.sohoa.core.work.PageQueues;

/**
 * An Apache ActiveMQ Artemis broker inside the sohoa process, its persistent journal under
 * {@code DATA/engines/broker}: pages waiting for OCR survive a restart. It listens on the host and
 * port given, or on loopback at a free port kept in {@code port} so that workers find it again.
 */
public final class EmbeddedBroker implements AutoCloseable {

    /** Messages are a few hundred bytes; beyond this the broker pages them to disk. */
    private static final long MEMORY = 32L * 1024 * 1024;

    private final EmbeddedActiveMQ server;
    private final String url;

    private EmbeddedBroker(EmbeddedActiveMQ server, String url) {
        this.server = server;
        this.url = url;
    }

    /** @param port 0 for the port of the last start, or a free one */
    public static EmbeddedBroker start(Path dir, String host, int port) throws Exception {
        Files.createDirectories(dir);
        int listen = port > 0 ? port : rememberedPort(dir.resolve("port"));
        Configuration config = new ConfigurationImpl()
                .setName("sohoa")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setJournalDirectory(dir.resolve("journal").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                .setGlobalMaxSize(MEMORY)
                .addAcceptorConfiguration("tcp", "tcp://" + host + ":" + listen)
                .addAddressSetting(PageQueues.PAGES, new AddressSettings()
                        .setMaxDeliveryAttempts(PageQueues.MAX_DELIVERIES)
                        .setDeadLetterAddress(SimpleString.of(PageQueues.DEAD))
                        .setRedeliveryDelay(1000))
                .addQueueConfiguration(QueueConfiguration.of(PageQueues.PAGES).setRoutingType(RoutingType.ANYCAST))
                .addQueueConfiguration(QueueConfiguration.of(PageQueues.DEAD).setRoutingType(RoutingType.ANYCAST));
        EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(config);
        server.start();
        String address = "0.0.0.0".equals(host) ? "127.0.0.1" : host;
        return new EmbeddedBroker(server, "tcp://" + address + ":" + listen);
    }

    private static int rememberedPort(Path file) throws IOException {
        if (Files.exists(file)) {
            return Integer.parseInt(Files.readString(file).trim());
        }
        int port = FreePort.onLoopback();
        Files.writeString(file, Integer.toString(port));
        return port;
    }

    /** The address clients of this machine connect to. */
    public String url() {
        return url;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
