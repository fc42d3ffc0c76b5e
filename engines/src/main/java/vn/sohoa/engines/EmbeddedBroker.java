package vn.sohoa.engines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import vn.sohoa.core.files.WholeFile;

/**
 * An Apache ActiveMQ Artemis broker inside the sohoa process, its persistent journal under
 * {@code DATA/engines/broker}: pages waiting for OCR survive a restart. It listens on the host and
 * port given, or on loopback at a free port kept in {@code port} so that workers find it again. Its
 * queues are declared by sohoa, as on an external broker ({@code BrokerConnection.declarePageQueues}).
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
                .addAcceptorConfiguration("tcp", "tcp://" + host + ":" + listen);
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
        WholeFile.write(file, Integer.toString(port));
        return port;
    }

    /** The address clients of this machine connect to. */
    public String url() {
        return url;
    }

    /** How many times a message of the address is delivered before it is dead-lettered (10 unless set). */
    public int maxDeliveryAttempts(String address) {
        return server.getActiveMQServer().getAddressSettingsRepository().getMatch(address).getMaxDeliveryAttempts();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
