package vn.sohoa.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", description = "Starts every role in one process (and the engines it is not pointed to) until stopped.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--data", description = "Data folder (default ./data).")
    Path data;

    @Option(names = "--port", description = "HTTP port of the API (default 8080).")
    Integer port;

    @Override
    public Integer call() throws Exception {
        Map<String, String> overrides = new HashMap<>();
        if (data != null) {
            overrides.put("sohoa.data.dir", data.toString());
        }
        if (port != null) {
            overrides.put("sohoa.http.port", port.toString());
        }
        Sohoa sohoa = Sohoa.start(overrides);
        UntilStopped.serve(sohoa, "sohoa");
        return 0;
    }
}
