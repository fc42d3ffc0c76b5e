package vn.sohoa.engines;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.sohoa.core.config.Settings;

/**
 * Starts the engines that the settings do not point to elsewhere: an Elasticsearch node when
 * {@code sohoa.es.url} is empty, an S3 server when {@code sohoa.s3.endpoint} is empty. Closing
 * stops what was started.
 */
public final class EmbeddedEngines implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngines.class);

    private final EmbeddedElasticsearch elasticsearch;
    private final EmbeddedS3 s3;
    private final Settings settings;

    private EmbeddedEngines(EmbeddedElasticsearch elasticsearch, EmbeddedS3 s3, Settings settings) {
        this.elasticsearch = elasticsearch;
        this.s3 = s3;
        this.settings = settings;
    }

    public static EmbeddedEngines startMissing(Settings settings) throws IOException {
        Path dist = distributionDir(settings);
        Path state = settings.enginesData();
        EmbeddedS3 s3 = null;
        EmbeddedElasticsearch es = null;
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
        } catch (IOException | RuntimeException e) {
            if (s3 != null) {
                s3.close();
            }
            throw e;
        }
        Settings resolved = settings.withEngines(
                es != null ? es.url() : settings.elasticsearchUrl(),
                s3 != null ? s3.endpoint() : settings.s3Endpoint(),
                s3 != null ? s3.accessKey() : settings.s3AccessKey(),
                s3 != null ? s3.secretKey() : settings.s3SecretKey());
        return new EmbeddedEngines(es, s3, resolved);
    }

    /** The settings with the addresses and keys of the engines in use, embedded or not. */
    public Settings settings() {
        return settings;
    }

    @Override
    public void close() {
        if (elasticsearch != null) {
            elasticsearch.close();
        }
        if (s3 != null) {
            s3.close();
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
