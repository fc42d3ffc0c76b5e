package vn.sohoa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import vn.sohoa.core.config.Settings;

/**
 * {@code docker-compose.yml} parsed as YAML, for machines without Docker: the whole cluster is in it,
 * the OCR worker scales, and every SOHOA_ variable it sets is a setting sohoa knows.
 */
class ComposeFileTest {

    @SuppressWarnings("unchecked")
    @Test
    void theComposeFileStartsTheWholeClusterWithScalableWorkers() throws Exception {
        Path file = Path.of(System.getProperty("user.dir")).resolveSibling("docker-compose.yml");
        Map<String, Object> compose = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(file));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertEquals(Set.of("elasticsearch", "minio", "artemis", "sohoa", "ocr-worker"), services.keySet());

        Map<String, Object> worker = services.get("ocr-worker");
        assertEquals(List.of("ocr-worker"), worker.get("command"));
        assertFalse(worker.containsKey("ports") || worker.containsKey("container_name"),
                "a worker with a fixed port or name could not be scaled");
        for (String service : List.of("sohoa", "ocr-worker")) {
            Map<String, String> environment = (Map<String, String>) services.get(service).get("environment");
            assertTrue(environment.get("SOHOA_BROKER_URL").startsWith("tcp://artemis:61616"), service);
            List<String> unknown = Settings.unknown(Set.of(), environment);
            assertTrue(unknown.isEmpty(), service + " sets unknown variables " + unknown);
        }
    }
}
