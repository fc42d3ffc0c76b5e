package vn.sohoa.api.http;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.sohoa.core.index.DocumentIndex;
import vn.sohoa.core.storage.ObjectStore;

/** The state of each engine: UP when all answer, DEGRADED when some do, DOWN when none does. */
public class Health {

    private final DocumentIndex index;
    private final ObjectStore store;
    private final Map<String, Object> ocr;

    public Health(DocumentIndex index, ObjectStore store, Map<String, Object> ocr) {
        this.index = index;
        this.store = store;
        this.ocr = ocr;
    }

    public Map<String, Object> check() {
        boolean searchUp = index.isAvailable();
        boolean storageUp = store.isAvailable();
        Map<String, Object> engines = new LinkedHashMap<>();
        engines.put("elasticsearch", Map.of("status", state(searchUp)));
        engines.put("objectStore", Map.of("status", state(storageUp)));
        engines.put("ocr", ocr);
        String status = searchUp && storageUp ? "UP" : searchUp || storageUp ? "DEGRADED" : "DOWN";
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", status);
        health.put("engines", engines);
        return health;
    }

    private static String state(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
