package vn.sohoa.app.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.sohoa.app.SohoaCli;

/**
 * A sohoa command run by a benchmark in a JVM of its own, from this one's classpath, its output in a
 * log file; stopped as an operator stops it, by force (with what it started) when that takes too long.
 */
final class SohoaChild implements AutoCloseable {

    private final Process process;
    private final Duration stopWait;

    private SohoaChild(Process process, Duration stopWait) {
        this.process = process;
        this.stopWait = stopWait;
    }

    /**
     * @param jvmOptions the options of its JVM
     * @param arguments the sohoa command and its arguments
     * @param environment variables set for it beside this process's own
     * @param stopWait how long a stop may take before it is forced
     */
    static SohoaChild start(List<String> jvmOptions, List<String> arguments, Map<String, String> environment, Path log,
            Duration stopWait) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SohoaCli.class.getName()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new SohoaChild(builder.start(), stopWait);
    }

    /** The process, whose descendants are the engines it started. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Once it has stopped, a second call does nothing. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(stopWait.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
