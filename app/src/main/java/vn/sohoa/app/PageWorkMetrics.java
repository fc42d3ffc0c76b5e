package vn.sohoa.app;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.ocr.work.WorkerHeartbeat;
import vn.sohoa.pipeline.extraction.PageDispatch;

/**
 * The page work as Prometheus metrics ({@code GET /metrics}), through Micrometer: the pages waiting on
 * the broker and in flight, and for each worker (in-process or not, from what it announces) the
 * pages it read, its failures, its seconds per page and its pages per minute.
 */
final class PageWorkMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(PageWorkMetrics.class);

    private final PrometheusMeterRegistry registry;
    private final ObjectStore store;
    private final Map<String, WorkerState> workers = new ConcurrentHashMap<>();

    PageWorkMetrics(PrometheusMeterRegistry registry, ObjectStore store, PageDispatch pages) {
        this.registry = registry;
        this.store = store;
        Gauge.builder("sohoa.pages.queue.depth", pages, p -> {
            try {
                return p.queueDepth();
            } catch (Exception e) {
                return Double.NaN;
            }
        }).description("pages waiting on the broker or being read").register(registry);
        Gauge.builder("sohoa.pages.in.flight", pages, PageDispatch::inFlight)
                .description("pages this sohoa sent and waits for").register(registry);
    }

    /** The metrics in Prometheus' text format, the workers' figures as they last announced them. */
    String scrape() {
        try {
            for (Map<String, Object> announced : WorkerHeartbeat.seenLately(store)) {
                String name = (String) announced.get("name");
                workers.computeIfAbsent(name, n -> register(registry, n)).update(announced);
            }
        } catch (Exception e) {
            LOG.debug("Workers unknown: {}", e.getMessage());
        }
        return registry.scrape();
    }

    private static WorkerState register(MeterRegistry registry, String name) {
        WorkerState state = new WorkerState();
        FunctionCounter.builder("sohoa.worker.pages.read", state, s -> s.pagesRead)
                .tag("worker", name).description("pages the worker read and stored").register(registry);
        FunctionCounter.builder("sohoa.worker.failures", state, s -> s.failures)
                .tag("worker", name).description("pages the worker failed to read").register(registry);
        Gauge.builder("sohoa.worker.seconds.per.page", state, s -> s.secondsPerPage)
                .tag("worker", name).description("mean seconds per page read, storage included").register(registry);
        Gauge.builder("sohoa.worker.pages.per.minute", state, s -> s.pagesPerMinute)
                .tag("worker", name).description("pages read per minute between its last two announcements")
                .register(registry);
        return state;
    }

    /** What a worker announced last, and the pace since the announcement before. */
    private static final class WorkerState {
        volatile double pagesRead;
        volatile double failures;
        volatile double secondsPerPage;
        volatile double pagesPerMinute;
        private Instant seenAt;

        synchronized void update(Map<String, Object> announced) {
            Instant seen = Instant.parse((String) announced.get("seenAt"));
            double read = ((Number) announced.get("pagesRead")).doubleValue();
            if (seenAt != null && seen.isAfter(seenAt)) {
                double minutes = (seen.toEpochMilli() - seenAt.toEpochMilli()) / 60_000.0;
                pagesPerMinute = (read - pagesRead) / minutes;
            }
            if (seenAt == null || seen.isAfter(seenAt)) {
                seenAt = seen;
                pagesRead = read;
                failures = ((Number) announced.get("failures")).doubleValue();
                secondsPerPage = ((Number) announced.get("secondsPerPage")).doubleValue();
            }
        }
    }
}
