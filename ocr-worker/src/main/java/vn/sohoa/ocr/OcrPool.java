package vn.sohoa.ocr;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where OCR runs in parallel: a fixed pool of worker threads shared by every page of
 * every document, each thread owning its own Tesseract handle for its whole life. At most twice as
 * many pages as threads wait in memory; {@link #read} blocks the caller beyond that.
 */
public final class OcrPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OcrPool.class);

    private final OcrSettings settings;
    private final ExecutorService workers;
    private final Semaphore pending;
    private final List<TesseractEngine> engines = new CopyOnWriteArrayList<>();
    private final ThreadLocal<TesseractEngine> engine;

    public OcrPool(OcrSettings settings) {
        this.settings = settings;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "ocr-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.pending = new Semaphore(settings.threads() * 2);
        this.engine = ThreadLocal.withInitial(() -> {
            TesseractEngine created = new TesseractEngine(settings);
            engines.add(created);
            return created;
        });
        LOG.info("OCR pool: {} threads, language {}", settings.threads(), settings.language());
    }

    /** Checks that Tesseract and the language data load, so a broken install is reported at start. */
    public void verify() {
        try {
            CompletableFuture.runAsync(engine::get, workers).join();
        } catch (RuntimeException e) {
            throw new IllegalStateException(e.getCause() != null ? e.getCause().getMessage() : e.getMessage(), e);
        }
    }

    public OcrSettings settings() {
        return settings;
    }

    /** Queues the page for OCR; blocks while the pool already holds its share of waiting pages. */
    public CompletableFuture<PageText> read(PageImage page) throws InterruptedException {
        pending.acquire();
        try {
            return CompletableFuture.supplyAsync(() -> engine.get().read(page), workers)
                    .whenComplete((result, error) -> pending.release());
        } catch (RuntimeException e) {
            pending.release();
            throw e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        workers.shutdown();
        if (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
            workers.shutdownNow();
            return;
        }
        engines.forEach(TesseractEngine::close);
    }
}
