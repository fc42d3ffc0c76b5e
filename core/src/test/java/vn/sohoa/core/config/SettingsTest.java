package vn.sohoa.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void unknownKeysAndVariablesAreNamed() {
        List<String> unknown = Settings.unknown(Set.of("sohoa.es.url", "sohoa.es.ulr", "camel.main.name"),
                Map.of("SOHOA_S3_ENDPOINT", "x", "SOHOA_S3_ENDPIONT", "y", "PATH", "/bin", "SOHOA_TOKEN", "t",
                        "SOHOA_JAVA_OPTS", "-Xmx2g"));
        assertEquals(List.of("SOHOA_S3_ENDPIONT", "sohoa.es.ulr"), unknown);
    }

    @Test
    void environmentNamesFollowCamelsRule() {
        assertEquals("SOHOA_S3_ACCESS_KEY", Settings.environmentName("sohoa.s3.access-key"));
    }
}
