package vn.sohoa.app;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.sohoa.core.config.Settings;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.ocr.OcrPool;
import vn.sohoa.ocr.OcrSettings;
import vn.sohoa.ocr.work.BrokerConnection;
import vn.sohoa.ocr.work.OcrWorkerRoutes;
import vn.sohoa.ocr.work.PageCheckpoints;
import vn.sohoa.ocr.work.PageMeters;
import vn.sohoa.ocr.work.PageSources;
import vn.sohoa.ocr.work.PageWorker;
import vn.sohoa.ocr.work.WorkerHeartbeat;

/**
 * An OCR worker in a process of its own, on any machine with Tesseract: it reads pages from the
 * broker and stores their results in object storage, the same routes as the in-process workers of
 * {@link Sohoa}. It needs no Elasticsearch.
 */
public final class OcrWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OcrWorker.class);

    private final CamelContext camel;
    private final BrokerConnection broker;
    private final OcrPool ocr;
    private final PageSources sources;

    private OcrWorker(CamelContext camel, BrokerConnection broker, OcrPool ocr, PageSources sources) {
        this.sources = sources;
        this.camel = camel;
        this.broker = broker;
        this.ocr = ocr;
    }

    /** @param overrides settings over the configuration and environment: the broker, storage, threads */
    public static OcrWorker start(Map<String, String> overrides) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        Settings settings = Sohoa.settings(camel, overrides);
        if (settings.brokerUrl() == null) {
            throw new IllegalArgumentException("no broker: give --broker URL or --data DIR (or set SOHOA_BROKER_URL)");
        }
        if (settings.s3Endpoint() == null) {
            throw new IllegalArgumentException("no object storage: set SOHOA_S3_ENDPOINT, SOHOA_S3_ACCESS_KEY and "
                    + "SOHOA_S3_SECRET_KEY, or give --data DIR");
        }
        OcrPool ocr = new OcrPool(new OcrSettings(settings.tessdata(), settings.ocrLanguage(), settings.ocrThreads()));
        BrokerConnection broker = null;
        PageSources sources = null;
        try {
            ocr.verify();
            ObjectStore store = ObjectStore.connect(settings);
            broker = new BrokerConnection(settings.brokerUrl());
            camel.addComponent("jms", broker.component());
            sources = new PageSources(store);
            PageWorker worker = new PageWorker(ocr, sources, new PageCheckpoints(store),
                    Duration.ofSeconds(settings.ocrPageTimeoutSeconds()));
            WorkerHeartbeat heartbeat = new WorkerHeartbeat(store, "process", settings.ocrThreads(),
                    new PageMeters(CamelMetrics.bindTo(camel)));
            camel.addRoutes(new OcrWorkerRoutes(worker, heartbeat, settings.ocrThreads()));
            camel.start();
            LOG.info("OCR worker {} reading pages from {} with {} threads", heartbeat.name(), settings.brokerUrl(),
                    settings.ocrThreads());
            return new OcrWorker(camel, broker, ocr, sources);
        } catch (Exception | Error e) {
            camel.close();
            if (broker != null) {
                broker.close();
            }
            ocr.close();
            if (sources != null) {
                sources.close();
            }
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        LOG.info("Stopping the OCR worker");
        broker.letGoIfAway();
        camel.close();
        broker.close();
        ocr.close();
        sources.close();
    }
}
