package vn.sohoa.pipeline.maintenance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StorageException;

/**
 * Re-reads stored originals, records and PDF/A copies and compares them with the checksums taken at
 * ingest: an original whose SHA-256 is no longer its id, or a record or PDF/A copy whose bytes
 * changed, is altered; one that is gone is missing (a PDF/A copy only where the record says the
 * document was scanned). Run on demand on everything, and nightly on a share of the archive; several
 * documents are checked at once.
 */
public class FixityCheck {

    private static final Logger LOG = LoggerFactory.getLogger(FixityCheck.class);

    /** Documents checked at once: each check waits on storage more than it computes. */
    private static final int READERS = 4;

    private final ObjectStore store;
    private volatile Report last;

    public FixityCheck(ObjectStore store) {
        this.store = store;
    }

    /**
     * What a check found. {@code missing} and {@code altered} name objects as
     * {@code originals/ID}, {@code derivatives/ID.json} or {@code derivatives/ID.pdf}.
     */
    public record Report(Instant finishedAt, int checked, int total, List<String> missing, List<String> altered) {

        public boolean intact() {
            return missing.isEmpty() && altered.isEmpty();
        }
    }

    /** Checks this share (0 to 1) of the documents, picked at random. */
    public synchronized Report run(double share) throws StorageException {
        List<String> ids = new ArrayList<>(store.recordIds());
        int total = ids.size();
        if (share < 1) {
            Collections.shuffle(ids, ThreadLocalRandom.current());
            ids = ids.subList(0, (int) Math.ceil(total * Math.max(0, share)));
        }
        List<String> missing = Collections.synchronizedList(new ArrayList<>());
        List<String> altered = Collections.synchronizedList(new ArrayList<>());
        ExecutorService readers = Executors.newFixedThreadPool(READERS, r -> {
            Thread thread = new Thread(r, "fixity-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> checks = new ArrayList<>();
            for (String id : ids) {
                checks.add(readers.submit(() -> {
                    check(id, missing, altered);
                    return null;
                }));
            }
            for (Future<?> check : checks) {
                check.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Fixity check interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StorageException storage) {
                throw storage;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            readers.shutdownNow();
        }
        missing.sort(null);
        altered.sort(null);
        Report report = new Report(Instant.now(), ids.size(), total, List.copyOf(missing), List.copyOf(altered));
        if (report.intact()) {
            LOG.info("Fixity: {} of {} documents checked, all intact", report.checked(), total);
        } else {
            LOG.error("Fixity: {} of {} documents checked; missing {}; altered {}", report.checked(), total, missing,
                    altered);
        }
        last = report;
        return report;
    }

    private void check(String id, List<String> missing, List<String> altered) throws StorageException {
        Optional<String> digest = store.digestOriginal(id);
        if (digest.isEmpty()) {
            missing.add("originals/" + id);
        } else if (!digest.get().equals(id)) {
            altered.add("originals/" + id);
        }
        Optional<ObjectStore.RecordCheck> record = store.checkRecord(id);
        if (record.isEmpty()) {
            missing.add("derivatives/" + id + ".json");
        } else if (!record.get().intact()) {
            altered.add("derivatives/" + id + ".json");
        }
        if (record.map(ObjectStore.RecordCheck::scanned).orElse(true)) {
            Optional<Boolean> pdf = store.searchablePdfIntact(id);
            if (pdf.isEmpty() && record.isPresent()) {
                missing.add("derivatives/" + id + ".pdf");
            } else if (pdf.isPresent() && !pdf.get()) {
                altered.add("derivatives/" + id + ".pdf");
            }
        }
    }

    /** The last check's report, or null before the first. */
    public Report last() {
        return last;
    }
}
