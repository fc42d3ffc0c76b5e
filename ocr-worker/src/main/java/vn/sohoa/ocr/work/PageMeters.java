package vn.sohoa.ocr.work;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The meters a worker's route records its pages in (camel-micrometer endpoints), and what the worker
 * announces of them.
 */
public final class PageMeters {

    /** A timer: each page read here and its result stored, from the message taken. */
    public static final String READ = "sohoa.pages.read";
    /** A counter: deliveries of a page that failed (the page goes back to the queue). */
    public static final String FAILED = "sohoa.pages.failed";

    private final MeterRegistry registry;

    public PageMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public long pagesRead() {
        Timer read = registry.find(READ).timer();
        return read == null ? 0 : read.count();
    }

    public long failures() {
        Counter failed = registry.find(FAILED).counter();
        return failed == null ? 0 : (long) failed.count();
    }

    /** Mean seconds per page read, storage included; 0 before the first. */
    public double secondsPerPage() {
        Timer read = registry.find(READ).timer();
        return read == null ? 0 : read.mean(TimeUnit.SECONDS);
    }
}
