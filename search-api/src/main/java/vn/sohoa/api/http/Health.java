package vn.sohoa.api.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import vn.sohoa.core.index.DocumentIndex;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.pipeline.maintenance.FixityCheck;

/** The state of each engine: UP when all answer, DEGRADED when some do, DOWN when none does. */
public class Health {

    private final DocumentIndex index;
    private final ObjectStore store;
    private final BooleanSupplier brokerAnswers;
    private final Map<String, Object> ocr;
    private final FixityCheck fixity;
    private final Supplier<Map<String, Object>> pageWork;

    /**
     * @param brokerAnswers whether the broker that carries page work answers
     * @param pageWork      the OCR workers seen lately, the pages waiting on the broker and in flight
     */
    public Health(DocumentIndex index, ObjectStore store, BooleanSupplier brokerAnswers, Map<String, Object> ocr,
                  FixityCheck fixity, Supplier<Map<String, Object>> pageWork) {
        this.index = index;
        this.store = store;
        this.brokerAnswers = brokerAnswers;
        this.ocr = ocr;
        this.fixity = fixity;
        this.pageWork = pageWork;
    }

    public Map<String, Object> check() {
        boolean searchUp = index.isAvailable();
        boolean storageUp = store.isAvailable();
        boolean brokerUp = brokerAnswers.getAsBoolean();
        Map<String, Object> engines = new LinkedHashMap<>();
        engines.put("elasticsearch", Map.of("status", state(searchUp)));
        engines.put("objectStore", Map.of("status", state(storageUp)));
        engines.put("broker", Map.of("status", state(brokerUp)));
        engines.put("ocr", ocr);
        FixityCheck.Report report = fixity.last();
        boolean intact = report == null || report.intact();
        String status = searchUp && storageUp && brokerUp ? (intact ? "UP" : "DEGRADED")
                : searchUp || storageUp || brokerUp ? "DEGRADED" : "DOWN";
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", status);
        health.put("engines", engines);
        health.put("fixity", report == null ? Map.of("status", "NOT_RUN_YET") : Map.of(
                "status", intact ? "INTACT" : "PROBLEMS",
                "finishedAt", report.finishedAt().toString(),
                "checked", report.checked(),
                "total", report.total(),
                "missing", report.missing(),
                "altered", report.altered()));
        health.putAll(pageWork.get());
        return health;
    }

    private static String state(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
