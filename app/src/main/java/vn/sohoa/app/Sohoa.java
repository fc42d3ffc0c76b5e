package vn.sohoa.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import jakarta.jms.JMSException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.sohoa.api.access.AccessGuard;
import vn.sohoa.api.access.Accounts;
import vn.sohoa.api.access.ApiTokens;
import vn.sohoa.api.access.LoginThrottle;
import vn.sohoa.api.access.Sessions;
import vn.sohoa.api.audit.AuditIndex;
import vn.sohoa.api.audit.AuditRecorder;
import vn.sohoa.api.http.AccountHandlers;
import vn.sohoa.api.http.ApiHandlers;
import vn.sohoa.api.http.AuditHandlers;
import vn.sohoa.api.http.SessionHandlers;
import vn.sohoa.api.http.ApiRoutes;
import vn.sohoa.api.http.CorrectionHandlers;
import vn.sohoa.api.http.PageImageHandlers;
import vn.sohoa.api.http.Health;
import vn.sohoa.api.search.ArchiveSearch;
import vn.sohoa.api.web.WebRoutes;
import vn.sohoa.core.audit.AuditTrail;
import vn.sohoa.core.config.Settings;
import vn.sohoa.core.index.DocumentIndex;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StorageException;
import vn.sohoa.engines.EmbeddedEngines;
import vn.sohoa.ocr.OcrPool;
import vn.sohoa.ocr.OcrSettings;
import vn.sohoa.ocr.work.BrokerConnection;
import vn.sohoa.ocr.work.OcrWorkerRoutes;
import vn.sohoa.ocr.work.PageCheckpoints;
import vn.sohoa.ocr.work.PageMeters;
import vn.sohoa.ocr.work.PageSources;
import vn.sohoa.ocr.work.PageWorker;
import vn.sohoa.ocr.work.WorkerHeartbeat;
import vn.sohoa.pipeline.extraction.PageDispatch;
import vn.sohoa.pipeline.extraction.PageDispatchRoutes;
import vn.sohoa.pipeline.correction.MetadataCorrections;
import vn.sohoa.pipeline.extraction.DocumentExtractor;
import vn.sohoa.pipeline.ingest.ArchiveSteps;
import vn.sohoa.pipeline.ingest.EnginesAnswer;
import vn.sohoa.pipeline.ingest.FileClaims;
import vn.sohoa.pipeline.ingest.FolderLocks;
import vn.sohoa.pipeline.ingest.IgnoredFiles;
import vn.sohoa.pipeline.ingest.IngestOptions;
import vn.sohoa.pipeline.ingest.IngestRoutes;
import vn.sohoa.pipeline.ingest.IngestTracker;
import vn.sohoa.pipeline.ingest.ManifestFiles;
import vn.sohoa.pipeline.ingest.ManifestRoutes;
import vn.sohoa.pipeline.ingest.ManifestSteps;
import vn.sohoa.pipeline.ingest.Uploads;
import vn.sohoa.pipeline.ingest.WatchedFolders;
import vn.sohoa.pipeline.maintenance.FixityCheck;
import vn.sohoa.pipeline.maintenance.IndexRebuild;
import vn.sohoa.pipeline.maintenance.MaintenanceRoutes;
import vn.sohoa.pipeline.pages.PageViews;
import vn.sohoa.pipeline.pdfa.SearchablePdf;

/**
 * Every role of sohoa in one process: the engines it must start, the OCR pool, the ingest routes
 * and the HTTP API, wired together in a Camel context. Closing stops them in reverse order.
 */
public final class Sohoa implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sohoa.class);
    private static final Duration ENGINE_WAIT = Duration.ofMinutes(2);
    /** Retries, with growing delays up to a minute, before a file that meets a stopped engine waits for the next poll. */
    private static final int ENGINE_RETRIES = 6;
    private static final Duration LOGIN_LOCK = Duration.ofMinutes(15);
    /** A page neither back nor waiting on the queue for a worker's page timeout and this long more is sent again. */
    private static final Duration PAGE_MISSING_MARGIN = Duration.ofMinutes(1);
    /**
     * A reindex or verify of the whole archive answers when it is done: minutes at 100,000 records.
     * Vert.x would print a blocked thread's stack every second after one minute.
     */
    private static final Duration LONGEST_REQUEST = Duration.ofHours(1);

    private final Settings settings;
    private final EmbeddedEngines engines;
    private final OcrPool ocr;
    private final PageSources pageSources;
    private final BrokerConnection broker;
    private final DocumentIndex index;
    private final AuditRecorder audit;
    private final ApiTokens tokens;
    private final AccessGuard guard;
    private final CamelContext camel;

    private Sohoa(Settings settings, EmbeddedEngines engines, OcrPool ocr, PageSources pageSources,
                  BrokerConnection broker, DocumentIndex index, AuditRecorder audit, ApiTokens tokens, AccessGuard guard,
                  CamelContext camel) {
        this.settings = settings;
        this.engines = engines;
        this.ocr = ocr;
        this.pageSources = pageSources;
        this.broker = broker;
        this.index = index;
        this.audit = audit;
        this.tokens = tokens;
        this.guard = guard;
        this.camel = camel;
    }

    /** Reads the settings: {@code config/application.properties}, then the environment, then {@code overrides}. */
    public static Settings settings(CamelContext camel, Map<String, String> overrides) {
        PropertiesComponent properties = camel.getPropertiesComponent();
        properties.setLocation("classpath:application.properties");
        Properties override = new Properties();
        override.putAll(overrides);
        properties.setOverrideProperties(override);
        Set<String> keys = new HashSet<>(properties.loadProperties().stringPropertyNames());
        keys.addAll(overrides.keySet());
        List<String> unknown = Settings.unknown(keys, System.getenv());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown settings " + unknown + ". Known settings: " + Settings.KEYS);
        }
        return Settings.from(properties::resolveProperty);
    }

    public static Sohoa start(Map<String, String> overrides) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        Settings configured = settings(camel, overrides);
        EmbeddedEngines engines = EmbeddedEngines.startMissing(configured,
                Duration.ofSeconds(configured.engineRestartSeconds()));
        OcrPool ocr = null;
        PageSources pageSources = null;
        BrokerConnection broker = null;
        DocumentIndex index = null;
        AuditRecorder audit = null;
        try {
            Settings settings = engines.settings();
            ObjectStore store = ObjectStore.connect(settings);
            createBuckets(store);
            index = DocumentIndex.connect(settings.elasticsearchUrl(), settings.indexAlias());
            index.awaitAvailable(ENGINE_WAIT);
            index.createIfMissing();
            if (settings.ocrInProcess()) {
                ocr = new OcrPool(new OcrSettings(settings.tessdata(), settings.ocrLanguage(), settings.ocrThreads()));
                ocr.verify();
            }
            broker = new BrokerConnection(settings.brokerUrl());
            camel.addComponent("jms", broker.component());
            declarePageQueues(broker);
            PageCheckpoints checkpoints = new PageCheckpoints(store);
            PageDispatch pages = new PageDispatch(checkpoints, broker,
                    Duration.ofSeconds(settings.ocrPageTimeoutSeconds()).plus(PAGE_MISSING_MARGIN));

            WatchedFolders folders = new WatchedFolders(settings.dataDir());
            folders.create();
            IngestTracker tracker = new IngestTracker();
            FileClaims claims = new FileClaims(settings.dataDir());
            claims.clearAbandoned();
            Path copies = settings.dataDir().resolve("tmp").resolve("pdfa");
            SearchablePdf.deleteAbandoned(copies);
            FolderLocks locks = new FolderLocks();
            ArchiveSteps steps = new ArchiveSteps(new DocumentExtractor(pages, settings.renderDpi(), copies,
                    settings.ingestConcurrency()), store,
                    index, folders, tracker, claims, locks);
            ManifestSteps manifests = new ManifestSteps(folders, store, index, settings.stableMillis(), locks);
            IngestOptions ingestOptions = new IngestOptions(settings.ingestConcurrency(), settings.stableMillis(),
                    settings.batchCron(), ENGINE_RETRIES);
            FixityCheck fixity = new FixityCheck(store);
            Health health = new Health(index, store, broker::answers, Map.of("status", "UP",
                    "language", settings.ocrLanguage(), "threads", ocr != null ? settings.ocrThreads() : 0), fixity,
                    () -> pageWork(store, pages));
            IndexRebuild rebuild = new IndexRebuild(store, index);
            Accounts accounts = new Accounts(store);
            showFirstAdminPassword(accounts.createFirstAdmin(settings.dataDir()), settings);
            ApiTokens tokens = new ApiTokens(store);
            VertxPlatformHttpServer http = new VertxPlatformHttpServer(httpServer(settings));
            Sessions sessions = new Sessions(http::getVertx,
                    Duration.ofMinutes(settings.sessionIdleMinutes()));
            AuditIndex auditIndex = new AuditIndex(index.client(), settings.indexAlias());
            // Entries a run before this one journaled but did not store are stored first, then indexed.
            AuditTrail trail = AuditTrail.open(store, settings.dataDir().resolve("audit"));
            auditIndex.catchUp(store);
            audit = new AuditRecorder(trail, auditIndex);
            ApiHandlers api = new ApiHandlers(new ArchiveSearch(index), index, store, new Uploads(folders, tracker),
                    tracker, folders, health, fixity, rebuild, audit);
            AccessGuard guard = new AccessGuard(accounts, tokens, sessions, audit);

            camel.getRegistry().bind("ignoredFiles", new IgnoredFiles());
            camel.getRegistry().bind("manifestFiles", new ManifestFiles());
            // No class-path resolving in Vert.x's file system (the web page's files are read from the class
            // path by WebAssets): it would make a cache folder in /tmp that a killed process leaves behind.
            camel.getRegistry().bind("vertxOptions", new VertxOptions()
                    .setMaxWorkerExecuteTime(LONGEST_REQUEST.toSeconds()).setMaxWorkerExecuteTimeUnit(TimeUnit.SECONDS)
                    .setFileSystemOptions(new FileSystemOptions().setClassPathResolvingEnabled(false)));
            camel.addService(http);
            PrometheusMeterRegistry metrics = CamelMetrics.bindTo(camel);
            if (ocr != null) {
                pageSources = new PageSources(store);
                PageWorker worker = new PageWorker(ocr, pageSources, checkpoints,
                        Duration.ofSeconds(settings.ocrPageTimeoutSeconds()));
                camel.addRoutes(new OcrWorkerRoutes(worker,
                        new WorkerHeartbeat(store, "in-process", settings.ocrThreads(), new PageMeters(metrics)),
                        settings.ocrThreads()));
            }
            camel.addRoutes(new PageDispatchRoutes(pages));
            camel.addRoutes(metricsRoute(new PageWorkMetrics(metrics, store, pages)));
            pages.sendWith(camel.createProducerTemplate());
            EnginesAnswer enginesAnswer = new EnginesAnswer(store, index, broker);
            camel.addRoutes(new IngestRoutes(folders, steps, manifests, enginesAnswer, ingestOptions));
            camel.addRoutes(new ManifestRoutes(folders, manifests, enginesAnswer, ingestOptions));
            camel.addRoutes(new MaintenanceRoutes(fixity, rebuild, settings.fixityCron(), settings.fixityShare()));
            PageViews pageViews = new PageViews(store, settings.dataDir().resolve("tmp").resolve("pages"));
            pageViews.deleteAbandoned();
            PageImageHandlers pageImages = new PageImageHandlers(pageViews, index);
            CorrectionHandlers corrections = new CorrectionHandlers(
                    new MetadataCorrections(store, index, Clock.systemUTC()), index);
            camel.addRoutes(new ApiRoutes(guard, api,
                    new SessionHandlers(accounts, sessions, new LoginThrottle(LOGIN_LOCK), settings.tls()),
                    new AccountHandlers(accounts, tokens), new AuditHandlers(auditIndex, audit), pageImages, corrections));
            camel.addRoutes(new WebRoutes());
            camel.start();
            LOG.info("sohoa is running: drop files into {}, web page and API at {}://{}:{}/", folders.inbox(),
                    settings.tls() ? "https" : "http", settings.httpHost(), settings.httpPort());
            return new Sohoa(settings, engines, ocr, pageSources, broker, index, audit, tokens, guard, camel);
        } catch (Exception | Error e) {
            camel.close();
            if (broker != null) {
                broker.close();
            }
            if (ocr != null) {
                ocr.close();
            }
            if (pageSources != null) {
                pageSources.close();
            }
            if (index != null) {
                index.close();
            }
            if (audit != null) {
                audit.close();
            }
            engines.close();
            throw e;
        }
    }

    public Settings settings() {
        return settings;
    }

    public CamelContext camel() {
        return camel;
    }

    public AccessGuard guard() {
        return guard;
    }

    public DocumentIndex documentIndex() {
        return index;
    }

    @Override
    public void close() throws Exception {
        LOG.info("Stopping sohoa");
        broker.letGoIfAway();
        camel.close();
        broker.close();
        audit.close();
        if (ocr != null) {
            ocr.close();
        }
        if (pageSources != null) {
            pageSources.close();
        }
        index.close();
        engines.close();
    }

    /** {@code GET /metrics}: Prometheus' text format, open like {@code /api/health}. */
    private static RouteBuilder metricsRoute(PageWorkMetrics metrics) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/metrics?httpMethodRestrict=GET").routeId("metrics")
                        .setHeader(Exchange.CONTENT_TYPE, constant("text/plain; version=0.0.4; charset=utf-8"))
                        .setBody(exchange -> metrics.scrape());
            }
        };
    }

    /**
     * The OCR workers seen lately, the pages waiting on the broker and those this process waits for;
     * what cannot be asked now is left out.
     */
    private static Map<String, Object> pageWork(ObjectStore store, PageDispatch pages) {
        Map<String, Object> work = new LinkedHashMap<>();
        try {
            work.put("workers", WorkerHeartbeat.seenLately(store));
        } catch (StorageException | IOException e) {
            LOG.debug("Workers unknown: {}", e.getMessage());
        }
        try {
            work.put("queueDepth", pages.queueDepth());
        } catch (JMSException e) {
            LOG.debug("Queue depth unknown: {}", e.getMessage());
        }
        work.put("pagesInFlight", pages.inFlight());
        return work;
    }

    /** A token for the user, as {@code POST /api/tokens} gives one: for the commands that run sohoa in-process. */
    public String issueToken(String username, String name) throws StorageException {
        return tokens.issue(username, name, 1).token();
    }

    private static void showFirstAdminPassword(java.util.Optional<String> password, Settings settings) {
        password.ifPresent(p -> System.out.printf("%n  Tài khoản quản trị đầu tiên / first admin account:%n"
                + "    tên đăng nhập / username: admin%n    mật khẩu / password:      %s%n"
                + "  (shown once; also in %s, readable only by you. Change it after signing in.)%n%n",
                p, settings.dataDir().resolve("admin-password.txt")));
    }

    private static VertxPlatformHttpServerConfiguration httpServer(Settings settings) throws IOException {
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost(settings.httpHost());
        http.setBindPort(settings.httpPort());
        if (settings.tls()) {
            KeyStoreParameters keystore = new KeyStoreParameters();
            keystore.setResource("file:" + settings.tlsKeystore());
            keystore.setType("PKCS12");
            keystore.setPassword(settings.tlsKeystorePassword());
            KeyManagersParameters keys = new KeyManagersParameters();
            keys.setKeyStore(keystore);
            keys.setKeyPassword(settings.tlsKeystorePassword());
            SSLContextParameters tls = new SSLContextParameters();
            tls.setKeyManagers(keys);
            http.setSslContextParameters(tls);
        }
        java.nio.file.Path uploads = settings.dataDir().resolve("tmp").resolve("uploads");
        Files.createDirectories(uploads);
        http.getBodyHandler().setUploadsDirectory(uploads.toString());
        http.getBodyHandler().setDeleteUploadedFilesOnEnd(true);
        return http;
    }

    /**
     * Sets up the page queues on the broker. A broker that does not answer is an outage, not a reason
     * not to start: search and downloads work, files wait in the inbox, and the queues are set up
     * before the first page is sent once it answers. One that answers and refuses stops the start.
     */
    private static void declarePageQueues(BrokerConnection broker) throws JMSException {
        try {
            broker.declarePageQueues();
        } catch (JMSException e) {
            if (broker.answers()) {
                throw e;
            }
            LOG.warn("The broker at {} does not answer: files wait in the inbox until it does", broker.url());
        }
    }

    private static void createBuckets(ObjectStore store) throws StorageException, InterruptedException {
        long deadline = System.nanoTime() + ENGINE_WAIT.toNanos();
        while (true) {
            try {
                store.createBuckets();
                return;
            } catch (StorageException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warn("Waiting for the object store: {}", e.getMessage());
                Thread.sleep(2000);
            }
        }
    }
}
