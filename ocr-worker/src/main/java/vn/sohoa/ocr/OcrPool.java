package vn.sohoa.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where OCR runs in parallel: a pool of worker threads shared by every page of every
 * document, each thread owning its own Tesseract handle for its whole life. At most twice as many
 * pages as threads wait in memory; {@link #read} blocks the caller beyond that. A reading given up
 * ({@link #abandon}) does not cost a thread: the pool runs one more until it ends.
 */
public final class OcrPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OcrPool.class);

    private final OcrSettings settings;
    private final ThreadPoolExecutor workers;
    private final Pending pending;
    private final Map<Thread, TesseractEngine> engines = new ConcurrentHashMap<>();
    private final ThreadLocal<TesseractEngine> engine;

    public OcrPool(OcrSettings settings) {
        this.settings = settings;
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(() -> {
                        try {
                            r.run();
                        } finally {
                            closeEngine(Thread.currentThread());
                        }
                    }, "ocr-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.pending = new Pending(settings.threads() * 2);
        this.engine = ThreadLocal.withInitial(() -> {
            TesseractEngine created = new TesseractEngine(settings);
            engines.put(Thread.currentThread(), created);
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

    /**
     * Gives up a reading that took too long. A Tesseract call cannot be interrupted, so its thread is
     * left to finish (or hang) on its own, and the pool runs one thread more (with a Tesseract of its
     * own) and takes one page more until that reading ends: the pool keeps its capacity.
     *
     * @param reading a future {@link #read} returned, not completed
     */
    public void abandon(CompletableFuture<PageText> reading) {
        resize(1);
        reading.whenComplete((result, error) -> {
            resize(-1);
            pending.takeBack();
        });
        pending.release();
    }

    private synchronized void resize(int by) {
        int threads = workers.getMaximumPoolSize() + by;
        if (by > 0) {
            workers.setMaximumPoolSize(threads);
            workers.setCorePoolSize(threads);
        } else {
            workers.setCorePoolSize(threads);
            workers.setMaximumPoolSize(threads);
        }
    }

    /** Worker threads now, those left to an abandoned reading included. */
    int threads() {
        return workers.getPoolSize();
    }

    private void closeEngine(Thread thread) {
        TesseractEngine ended = engines.remove(thread);
        if (ended != null) {
            ended.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        workers.shutdown();
        if (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
            workers.shutdownNow();
            return;
        }
        engines.keySet().forEach(this::closeEngine);
    }

    /** The places for waiting pages; one lent to an abandoned reading is taken back when it ends. */
    private static final class Pending extends Semaphore {

        Pending(int permits) {
            super(permits);
        }

        void takeBack() {
            reducePermits(1);
        }
    }
}
