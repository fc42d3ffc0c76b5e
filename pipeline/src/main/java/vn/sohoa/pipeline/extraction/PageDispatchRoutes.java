package vn.sohoa.pipeline.extraction;

import org.apache.camel.builder.RouteBuilder;
import vn.sohoa.core.work.PageQueues;

/** What comes back from the OCR workers: pages stored, pages given up. */
public class PageDispatchRoutes extends RouteBuilder {

    private static final long SWEEP_MILLIS = 10_000;

    private final PageDispatch pages;

    public PageDispatchRoutes(PageDispatch pages) {
        this.pages = pages;
    }

    @Override
    public void configure() {
        from("jms:topic:" + PageQueues.DONE + "?concurrentConsumers=1")
                .routeId("pages-done")
                .process(pages::done);

        from("jms:queue:" + PageQueues.DEAD + "?transacted=true&cacheLevelName=CACHE_CONSUMER")
                .routeId("pages-dead")
                .process(pages::dead);

        from("timer:pages-sweep?period=" + SWEEP_MILLIS)
                .routeId("pages-sweep")
                .process(pages::sweep);
    }
}
