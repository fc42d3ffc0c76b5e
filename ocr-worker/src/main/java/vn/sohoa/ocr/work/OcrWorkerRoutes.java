package vn.sohoa.ocr.work;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import vn.sohoa.core.work.PageQueues;

/**
 * An OCR worker, in the sohoa process or in a process of its own: pages are taken from the page
 * queue in a transaction that commits only after the page's result is stored, and each stored page
 * is announced to the pipeline. Each page read and each failed delivery is recorded in the
 * {@link PageMeters}; the worker announces itself with them every few seconds.
 */
public class OcrWorkerRoutes extends RouteBuilder {

    private final PageWorker worker;
    private final WorkerHeartbeat heartbeat;
    private final int threads;

    public OcrWorkerRoutes(PageWorker worker, WorkerHeartbeat heartbeat, int threads) {
        this.worker = worker;
        this.heartbeat = heartbeat;
        this.threads = threads;
    }

    @Override
    public void configure() {
        from("jms:queue:" + PageQueues.PAGES + "?transacted=true&concurrentConsumers=" + threads
                + "&maxConcurrentConsumers=" + threads + "&cacheLevelName=CACHE_CONSUMER&receiveTimeout=1000")
                .routeId("ocr-worker")
                .onException(Exception.class)
                    .to("micrometer:counter:" + PageMeters.FAILED)
                .end()
                .to("micrometer:timer:" + PageMeters.READ + "?action=start")
                .process(worker::read)
                .filter(exchangeProperty(PageWorker.READ_HERE))
                    .to("micrometer:timer:" + PageMeters.READ + "?action=stop")
                .end()
                .to("jms:topic:" + PageQueues.DONE);

        from("timer:worker-heartbeat?delay=0&period=" + WorkerHeartbeat.EVERY.toMillis())
                .routeId("worker-heartbeat")
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.WARN, "Could not announce this worker: ${exception.message}").end()
                .process(exchange -> heartbeat.announce());
    }
}
