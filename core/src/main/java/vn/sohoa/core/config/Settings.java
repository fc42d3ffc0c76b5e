package vn.sohoa.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Every setting of sohoa. Defaults live in {@code config/application.properties}; each key can be
 * overridden by the environment variable of the same name in upper case with dots and dashes as
 * underscores ({@code sohoa.es.url} by {@code SOHOA_ES_URL}). Unknown keys are refused, so a typo
 * never silently falls back to a default.
 */
public record Settings(
        Path dataDir,
        String httpHost,
        int httpPort,
        String elasticsearchUrl,
        String indexAlias,
        String s3Endpoint,
        String s3AccessKey,
        String s3SecretKey,
        String s3Region,
        String ocrLanguage,
        Path tessdata,
        int ocrThreads,
        boolean ocrInProcess,
        int renderDpi,
        int ocrPageTimeoutSeconds,
        int ingestConcurrency,
        String batchCron,
        long stableMillis,
        String enginesDir,
        String elasticsearchHeap,
        String fixityCron,
        double fixityShare,
        int engineRestartSeconds,
        int sessionIdleMinutes,
        String tlsKeystore,
        String tlsKeystorePassword,
        String brokerUrl,
        String brokerHost,
        int brokerPort) {

    public static final String PREFIX = "sohoa.";
    public static final Set<String> KEYS = Set.of(
            "sohoa.data.dir", "sohoa.http.host", "sohoa.http.port",
            "sohoa.es.url", "sohoa.es.index-alias", "sohoa.es.heap",
            "sohoa.s3.endpoint", "sohoa.s3.access-key", "sohoa.s3.secret-key", "sohoa.s3.region",
            "sohoa.ocr.language", "sohoa.ocr.tessdata", "sohoa.ocr.threads", "sohoa.ocr.in-process", "sohoa.ocr.render-dpi",
            "sohoa.ocr.page-timeout-seconds",
            "sohoa.ingest.concurrency", "sohoa.ingest.stable-millis", "sohoa.batch.cron",
            "sohoa.engines.dir", "sohoa.fixity.cron", "sohoa.fixity.share",
            "sohoa.engines.restart-seconds", "sohoa.http.session-idle-minutes", "sohoa.http.tls-keystore",
            "sohoa.http.tls-keystore-password", "sohoa.broker.url", "sohoa.broker.host", "sohoa.broker.port");

    public static Settings from(Function<String, Optional<String>> lookup) {
        Function<String, String> get = key -> lookup.apply(key).map(String::trim)
                .orElseThrow(() -> new IllegalArgumentException("Missing setting " + key));
        Function<String, String> optional = key -> lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty())
                .orElse(null);
        int cores = Runtime.getRuntime().availableProcessors();
        return new Settings(
                Path.of(get.apply("sohoa.data.dir")).toAbsolutePath().normalize(),
                get.apply("sohoa.http.host"),
                Integer.parseInt(get.apply("sohoa.http.port")),
                optional.apply("sohoa.es.url"),
                get.apply("sohoa.es.index-alias"),
                optional.apply("sohoa.s3.endpoint"),
                optional.apply("sohoa.s3.access-key"),
                optional.apply("sohoa.s3.secret-key"),
                get.apply("sohoa.s3.region"),
                get.apply("sohoa.ocr.language"),
                Path.of(get.apply("sohoa.ocr.tessdata")),
                positiveOr(get.apply("sohoa.ocr.threads"), cores),
                Boolean.parseBoolean(get.apply("sohoa.ocr.in-process")),
                Integer.parseInt(get.apply("sohoa.ocr.render-dpi")),
                Integer.parseInt(get.apply("sohoa.ocr.page-timeout-seconds")),
                positiveOr(get.apply("sohoa.ingest.concurrency"), 2 * cores),
                get.apply("sohoa.batch.cron"),
                Long.parseLong(get.apply("sohoa.ingest.stable-millis")),
                optional.apply("sohoa.engines.dir"),
                get.apply("sohoa.es.heap"),
                get.apply("sohoa.fixity.cron"),
                Double.parseDouble(get.apply("sohoa.fixity.share")),
                Integer.parseInt(get.apply("sohoa.engines.restart-seconds")),
                Integer.parseInt(get.apply("sohoa.http.session-idle-minutes")),
                optional.apply("sohoa.http.tls-keystore"),
                optional.apply("sohoa.http.tls-keystore-password"),
                optional.apply("sohoa.broker.url"),
                get.apply("sohoa.broker.host"),
                Integer.parseInt(get.apply("sohoa.broker.port")));
    }

    /** Variables read by the launcher and the command line, not settings of the running archive. */
    static final Set<String> OTHER_VARIABLES = Set.of("SOHOA_TOKEN", "SOHOA_JAVA_OPTS", "SOHOA_LOG_LEVEL");

    /** The keys under {@code sohoa.} and the {@code SOHOA_} environment variables that no setting has. */
    public static List<String> unknown(Set<String> propertyKeys, Map<String, String> environment) {
        Set<String> envNames = new TreeSet<>();
        KEYS.forEach(k -> envNames.add(environmentName(k)));
        envNames.addAll(OTHER_VARIABLES);
        Set<String> unknown = new TreeSet<>();
        propertyKeys.stream().filter(k -> k.startsWith(PREFIX) && !KEYS.contains(k)).forEach(unknown::add);
        environment.keySet().stream().filter(k -> k.startsWith("SOHOA_") && !envNames.contains(k)).forEach(unknown::add);
        return List.copyOf(unknown);
    }

    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public boolean tls() {
        return tlsKeystore != null;
    }

    public boolean embeddedElasticsearch() {
        return elasticsearchUrl == null;
    }

    public boolean embeddedObjectStore() {
        return s3Endpoint == null;
    }

    public Path inbox() {
        return dataDir.resolve("inbox");
    }

    public Path batch() {
        return dataDir.resolve("batch");
    }

    public Path done() {
        return dataDir.resolve("done");
    }

    public Path failed() {
        return dataDir.resolve("failed");
    }

    public Path enginesData() {
        return dataDir.resolve("engines");
    }

    public boolean embeddedBroker() {
        return brokerUrl == null;
    }

    public Settings withEngines(String esUrl, String endpoint, String accessKey, String secretKey, String broker) {
        return new Settings(dataDir, httpHost, httpPort, esUrl, indexAlias, endpoint, accessKey, secretKey, s3Region,
                ocrLanguage, tessdata, ocrThreads, ocrInProcess, renderDpi, ocrPageTimeoutSeconds, ingestConcurrency,
                batchCron, stableMillis, enginesDir, elasticsearchHeap, fixityCron, fixityShare, engineRestartSeconds, sessionIdleMinutes, tlsKeystore,
                tlsKeystorePassword, broker, brokerHost, brokerPort);
    }

    private static int positiveOr(String value, int fallback) {
        int n = Integer.parseInt(value);
        return n > 0 ? n : fallback;
    }
}
