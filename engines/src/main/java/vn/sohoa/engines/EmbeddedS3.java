package vn.sohoa.engines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.security.SecureRandom;

/**
 * A real S3-compatible server, S3Proxy with its filesystem backend, run as a child process on
 * loopback. Objects live under {@code DATA/engines/s3/objects}; the credentials are made once and kept
 * there, so a second start serves the same objects with the same keys.
 */
public final class EmbeddedS3 implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(1);

    private final ChildProcess process;
    private final String endpoint;
    private final String accessKey;
    private final String secretKey;

    private EmbeddedS3(ChildProcess process, String endpoint, String accessKey, String secretKey) {
        this.process = process;
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    public static EmbeddedS3 start(Path s3proxyJar, Path stateDir) throws IOException {
        return start(s3proxyJar, stateDir, FreePort.onLoopback());
    }

    /** Starts it again on the same port and objects, after it stopped. */
    EmbeddedS3 restart(Path s3proxyJar, Path stateDir) throws IOException {
        process.close();
        return start(s3proxyJar, stateDir, Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1)));
    }

    private static EmbeddedS3 start(Path s3proxyJar, Path stateDir, int port) throws IOException {
        if (!Files.isRegularFile(s3proxyJar)) {
            throw new IOException("S3Proxy not found at " + s3proxyJar + ": run ./sohoa build");
        }
        Path objects = stateDir.resolve("objects");
        Files.createDirectories(objects);
        Properties credentials = credentials(stateDir.resolve("credentials.properties"));
        String endpoint = "http://127.0.0.1:" + port;

        Properties config = new Properties();
        config.setProperty("s3proxy.endpoint", endpoint);
        config.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        config.setProperty("s3proxy.identity", credentials.getProperty("access-key"));
        config.setProperty("s3proxy.credential", credentials.getProperty("secret-key"));
        config.setProperty("jclouds.provider", "filesystem");
        config.setProperty("jclouds.filesystem.basedir", objects.toString());
        Path configFile = stateDir.resolve("s3proxy.properties");
        try (var out = Files.newBufferedWriter(configFile)) {
            config.store(out, "Written by sohoa at each start");
        }

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", s3proxyJar.toString(),
                "--properties", configFile.toString())).directory(stateDir.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        ChildProcess process = ChildProcess.start("S3Proxy", builder, stateDir.resolve("s3proxy.pid"),
                stateDir.resolve("console.log"));
        process.awaitHealthy(START_TIMEOUT, () -> Http.status(endpoint + "/") > 0);
        return new EmbeddedS3(process, endpoint, credentials.getProperty("access-key"),
                credentials.getProperty("secret-key"));
    }

    public String endpoint() {
        return endpoint;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.close();
    }

    private static Properties credentials(Path file) throws IOException {
        Properties credentials = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file)) {
                credentials.load(in);
            }
            return credentials;
        }
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        credentials.setProperty("access-key", "sohoa");
        credentials.setProperty("secret-key", HexFormat.of().formatHex(secret));
        try (var out = Files.newBufferedWriter(file)) {
            credentials.store(out, "Keys of the embedded S3 server");
        }
        return credentials;
    }
}
