package vn.sohoa.core.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import vn.sohoa.core.storage.StorageException;

/**
 * The entries of one chain on the local disk, each forced to the disk before the request it records
 * is answered, kept until they are in storage: one line of JSON an entry, in {@code CHAIN.journal}.
 * A running sohoa holds its journal's lock, so a journal nobody holds was left by a run that ended
 * before all its entries were stored.
 */
final class AuditJournal implements AutoCloseable {

    private static final String SUFFIX = ".journal";
    private static final byte NEWLINE = '\n';
    /**
     * The journals this JVM holds: not opened again to ask for their lock (closing a second channel
     * to a file would release this process's lock on it).
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private AuditJournal(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** A new, empty journal for the chain, in {@code folder}, locked by this process while it is open. */
    static AuditJournal create(Path folder, String chain) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(chain + SUFFIX);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        AuditJournal journal = new AuditJournal(file, channel, channel.lock());
        HELD.add(file.toAbsolutePath());
        return journal;
    }

    /** Adds the entries and forces them to the disk; on failure the journal is as it was before. */
    void append(List<byte[]> entries) throws IOException {
        long before = channel.position();
        try {
            List<ByteBuffer> lines = new ArrayList<>();
            for (byte[] entry : entries) {
                lines.add(ByteBuffer.wrap(entry));
                lines.add(ByteBuffer.wrap(new byte[] {NEWLINE}));
            }
            ByteBuffer[] buffers = lines.toArray(ByteBuffer[]::new);
            while (buffers[buffers.length - 1].hasRemaining()) {
                channel.write(buffers);
            }
            channel.force(false);
        } catch (IOException e) {
            try {
                channel.truncate(before);
            } catch (IOException ignored) {
                // The entry is cut short: a line without its end is not read as an entry.
            }
            throw e;
        }
    }

    /** Its length in bytes. */
    long size() throws IOException {
        return channel.size();
    }

    /** Empties the journal: every entry in it is stored. */
    void clear() throws IOException {
        channel.truncate(0);
        channel.force(false);
    }

    /** Closes the journal and removes its file (every entry in it is stored). */
    void delete() throws IOException {
        close();
        Files.deleteIfExists(file);
    }

    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            lock.release();
            channel.close();
            HELD.remove(file.toAbsolutePath());
        }
    }

    /**
     * Hands the entries of every journal in {@code folder} that no running sohoa holds to
     * {@code store}, oldest chain first, and removes each journal once all of its entries are stored.
     */
    static void storeLeftovers(Path folder, EntryWriter store) throws IOException, StorageException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> journals;
        try (Stream<Path> files = Files.list(folder)) {
            journals = files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .filter(f -> !HELD.contains(f.toAbsolutePath())).sorted().toList();
        }
        for (Path journal : journals) {
            try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                if (channel.tryLock() == null) {
                    continue;
                }
                for (byte[] entry : entries(Files.readAllBytes(journal))) {
                    store.write(entry);
                }
                Files.delete(journal);
            }
        }
    }

    /** The whole lines of a journal: a last line without its end was being written when its run ended, unanswered. */
    static List<byte[]> entries(byte[] journal) {
        List<byte[]> entries = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < journal.length; i++) {
            if (journal[i] == NEWLINE) {
                if (i > start) {
                    entries.add(Arrays.copyOfRange(journal, start, i));
                }
                start = i + 1;
            }
        }
        return entries;
    }

    /** Where a left entry goes. */
    @FunctionalInterface
    interface EntryWriter {
        void write(byte[] entry) throws StorageException;
    }
}
