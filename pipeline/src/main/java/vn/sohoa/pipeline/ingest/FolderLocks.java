package vn.sohoa.pipeline.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.StampedLock;

/**
 * One lock per dossier folder. A file holds its folder shared from the moment it reads the folder's
 * manifest until it is searchable; applying a manifest to the folder's archived documents, or moving
 * it to {@code done/}, holds the folder alone. So no file is ever between the two, missed by both.
 * A hold may be released by another thread than the one that took it (an exchange moves between
 * threads), hence {@link StampedLock}. Records of a folder's documents are rewritten only with the
 * folder held.
 */
public final class FolderLocks {

    private final Map<String, StampedLock> locks = new ConcurrentHashMap<>();

    Hold shared(String folder) {
        StampedLock lock = lock(folder);
        long stamp = lock.readLock();
        return new Hold(() -> lock.unlockRead(stamp));
    }

    /** The folder held shared, if it can be within the wait: a caller that already holds another folder must not wait forever. */
    Optional<Hold> tryShared(String folder, Duration wait) throws InterruptedException {
        StampedLock lock = lock(folder);
        long stamp = lock.tryReadLock(wait.toMillis(), TimeUnit.MILLISECONDS);
        return stamp == 0 ? Optional.empty() : Optional.of(new Hold(() -> lock.unlockRead(stamp)));
    }

    Hold exclusive(String folder) {
        StampedLock lock = lock(folder);
        long stamp = lock.writeLock();
        return new Hold(() -> lock.unlockWrite(stamp));
    }

    private StampedLock lock(String folder) {
        return locks.computeIfAbsent(folder, f -> new StampedLock());
    }

    /** A held lock; released once, however often {@link #release()} is called. */
    static final class Hold implements AutoCloseable {

        private final Runnable unlock;
        private final AtomicBoolean held = new AtomicBoolean(true);

        private Hold(Runnable unlock) {
            this.unlock = unlock;
        }

        void release() {
            if (held.compareAndSet(true, false)) {
                unlock.run();
            }
        }

        @Override
        public void close() {
            release();
        }
    }
}
