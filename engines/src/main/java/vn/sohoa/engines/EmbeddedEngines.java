package vn.sohoa.engines;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.sohoa.core.config.Settings;
import vn.sohoa.core.files.WholeFile;

/**
 * Starts the engines that the settings do not point to elsewhere: an Elasticsearch node when
 * {@code sohoa.es.url} is empty, an S3 server when {@code sohoa.s3.endpoint} is empty, an Artemis
 * broker (in this process) when {@code sohoa.broker.url} is empty. While sohoa
 * runs it watches them, and starts one again on the same port and data if it stops. Closing stops
 * what was started.
 */
public final class EmbeddedEngines implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngines.class);
    private static final Duration WATCH_EVERY = Duration.ofSeconds(2);

    private final Settings settings;
    private final Path dist;
    private final Duration restartDelay;
    private final ScheduledExecutorService watchdog;
    private volatile EmbeddedElasticsearch elasticsearch;
    private volatile EmbeddedS3 s3;
    private final EmbeddedBroker broker;
    private volatile boolean closing;
    private long downSince;

    private EmbeddedEngines(EmbeddedElasticsearch elasticsearch, EmbeddedS3 s3, EmbeddedBroker broker,
                            Settings settings, Path dist, Duration restartDelay) {
        this.elasticsearch = elasticsearch;
        this.s3 = s3;
        this.broker = broker;
        this.settings = settings;
        this.dist = dist;
        this.restartDelay = restartDelay;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "engine-watchdog");
            t.setDaemon(true);
            return t;
        });
        if (elasticsearch != null || s3 != null) {
            watchdog.scheduleWithFixedDelay(this::restartStopped, WATCH_EVERY.toMillis(), WATCH_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * @param restartDelay how long an embedded engine that stopped stays down before it is started again
     */
    public static EmbeddedEngines startMissing(Settings settings, Duration restartDelay) throws IOException {
        boolean embedded = settings.embeddedObjectStore() || settings.embeddedElasticsearch();
        Path dist = embedded ? distributionDir(settings) : null;
        Path state = settings.enginesData();
        EmbeddedS3 s3 = null;
        EmbeddedElasticsearch es = null;
        EmbeddedBroker broker = null;
        try {
            if (settings.embeddedObjectStore()) {
                s3 = EmbeddedS3.start(dist.resolve("s3proxy-jar-with-dependencies.jar"), state.resolve("s3"));
                LOG.info("Embedded S3 server at {}", s3.endpoint());
            }
            if (settings.embeddedElasticsearch()) {
                es = EmbeddedElasticsearch.start(dist.resolve("elasticsearch.zip"), state.resolve("elasticsearch"),
                        settings.elasticsearchHeap());
                LOG.info("Embedded Elasticsearch at {}", es.url());
            }
            if (settings.embeddedBroker()) {
                broker = EmbeddedBroker.start(state.resolve("broker"), settings.brokerHost(), settings.brokerPort());
                LOG.info("Embedded Artemis broker at {}", broker.url());
            }
        } catch (Exception e) {
            if (s3 != null) {
                s3.close();
            }
            if (es != null) {
                es.close();
            }
            throw e instanceof IOException io ? io : new IOException("Could not start the embedded broker: " + e, e);
        }
        Settings resolved = settings.withEngines(
                es != null ? es.url() : settings.elasticsearchUrl(),
                s3 != null ? s3.endpoint() : settings.s3Endpoint(),
                s3 != null ? s3.accessKey() : settings.s3AccessKey(),
                s3 != null ? s3.secretKey() : settings.s3SecretKey(),
                broker != null ? broker.url() : settings.brokerUrl());
        writeConnection(resolved);
        return new EmbeddedEngines(es, s3, broker, resolved, dist, restartDelay);
    }

    /** The settings with the addresses and keys of the engines in use, embedded or not. */
    public Settings settings() {
        return settings;
    }

    @Override
    public void close() {
        closing = true;
        watchdog.shutdownNow();
        if (elasticsearch != null) {
            elasticsearch.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (broker != null) {
            try {
                broker.close();
            } catch (Exception e) {
                LOG.warn("Could not stop the embedded broker: {}", e.getMessage());
            }
        }
    }

    /**
     * Where the engines in use are, in {@code DATA/engines/connection.properties} (readable by its
     * owner only): an OCR worker started with {@code --data DIR} joins through it.
     */
    private static void writeConnection(Settings settings) throws IOException {
        Properties connection = new Properties();
        connection.setProperty("sohoa.broker.url", settings.brokerUrl());
        connection.setProperty("sohoa.s3.endpoint", settings.s3Endpoint());
        connection.setProperty("sohoa.s3.access-key", settings.s3AccessKey());
        connection.setProperty("sohoa.s3.secret-key", settings.s3SecretKey());
        Path file = connectionFile(settings.dataDir());
        Files.createDirectories(file.getParent());
        StringWriter text = new StringWriter();
        connection.store(text, "The engines of the sohoa running on this data folder (written at each start)");
        WholeFile.write(file, text.toString(),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }

    public static Path connectionFile(Path dataDir) {
        return dataDir.resolve("engines").resolve("connection.properties");
    }

    private void restartStopped() {
        boolean s3Down = s3 != null && !s3.isAlive();
        boolean esDown = elasticsearch != null && !elasticsearch.isAlive();
        if (closing || !s3Down && !esDown) {
            downSince = 0;
            return;
        }
        long now = System.nanoTime();
        if (downSince == 0) {
            downSince = now;
            LOG.warn("Embedded {} stopped; starting it again in {} s", s3Down ? "S3 server" : "Elasticsearch",
                    restartDelay.toSeconds());
            return;
        }
        if (now - downSince < restartDelay.toNanos()) {
            return;
        }
        try {
            if (s3Down) {
                s3 = s3.restart(dist.resolve("s3proxy-jar-with-dependencies.jar"), settings.enginesData().resolve("s3"));
                LOG.info("Embedded S3 server is back at {}", s3.endpoint());
            }
            if (esDown) {
                elasticsearch = elasticsearch.restart(dist.resolve("elasticsearch.zip"),
                        settings.enginesData().resolve("elasticsearch"), settings.elasticsearchHeap());
                LOG.info("Embedded Elasticsearch is back at {}", elasticsearch.url());
            }
            downSince = 0;
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not start the stopped engine again; trying later: {}", e.getMessage());
            downSince = now;
        }
    }

    private static Path distributionDir(Settings settings) {
        if (settings.enginesDir() == null) {
            throw new IllegalStateException("sohoa.engines.dir is not set: it names the folder holding "
                    + "elasticsearch.zip and s3proxy-jar-with-dependencies.jar (./sohoa sets it)");
        }
        return Path.of(settings.enginesDir());
    }
}
