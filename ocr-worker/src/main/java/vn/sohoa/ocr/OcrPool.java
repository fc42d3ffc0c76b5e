package vn.sohoa.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
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

    /**
     * Loads Tesseract and the language data on every worker thread, so that a broken install is
     * reported at start and the first pages read do not wait for it.
     */
    public void verify() {
        CountDownLatch loaded = new CountDownLatch(settings.threads());
        List<CompletableFuture<Void>> threads = new ArrayList<>();
        for (int i = 0; i < settings.threads(); i++) {
            threads.add(CompletableFuture.runAsync(() -> {
                try {
                    engine.get();
                } finally {
                    // Each worker holds on until all have loaded, so that every one gets its own task.
                    loaded.countDown();
                    awaitQuietly(loaded);
                }
            }, workers));
        }
        try {
            threads.forEach(CompletableFuture::join);
        } catch (RuntimeException e) {
            throw new IllegalStateException(e.getCause() != null ? e.getCause().getMessage() : e.getMessage(), e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many worker threads have their Tesseract loaded. */
    int loadedEngines() {
        return engines.size();
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
