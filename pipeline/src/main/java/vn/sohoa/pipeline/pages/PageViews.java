package vn.sohoa.pipeline.pages;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.sohoa.core.document.Page;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StorageException;

/**
 * Page images for viewing: a page as OCR read it (upright, deskewed: the image of its PDF/A page),
 * else rendered from a born-digital PDF or decoded from an image original, at one of a few widths.
 * Each is made once and kept in object storage; later requests are served from there. Pages are
 * made one at a time, from a local copy of the stored file kept for the document's next page.
 */
public class PageViews {

    private static final Logger LOG = LoggerFactory.getLogger(PageViews.class);
    /** The widths pages are made at (a requested width goes up to the next); wider asks get the page as read. */
    public static final List<Integer> WIDTHS = List.of(400, 800, 1200, 1600);
    public static final String ORIGINAL = "original";

    private final ObjectStore store;
    private final Path tmp;
    /** The file copied last, and which: the document's id, with ".pdf" for its PDF/A copy. */
    private Path copied;
    private String copiedKey;

    /** @param tmp where a stored file is copied while one of its pages is decoded */
    public PageViews(ObjectStore store, Path tmp) {
        this.store = store;
        this.tmp = tmp;
    }

    /** A page image in storage: the document, page, width it was made at (a number or {@link #ORIGINAL}), its size. */
    public record View(String id, int page, String width, long size) {

        /** Strong: the id is the SHA-256 of the original, and a page image at a width never changes. */
        public String etag() {
            return "\"" + id + "-" + page + "-" + width + "\"";
        }
    }

    /** The width a request is served at: the next of {@link #WIDTHS} up, or the page as read when none or wider. */
    public static String snapped(Integer requested) {
        if (requested == null) {
            return ORIGINAL;
        }
        return WIDTHS.stream().filter(w -> w >= requested).findFirst().map(String::valueOf).orElse(ORIGINAL);
    }

    /**
     * The page's image at the width, made and stored first if it was not. Empty when the document is
     * unknown, the page does not exist, or the document has no pages to show (a word-processor file).
     */
    public Optional<View> view(String id, int page, String width) throws StorageException, IOException {
        Optional<Long> stored = store.statPageImage(id, page, width);
        if (stored.isPresent()) {
            return Optional.of(new View(id, page, width, stored.get()));
        }
        return page < 1 ? Optional.empty() : make(id, page, width);
    }

    public InputStream open(View view) throws StorageException {
        return store.openPageImage(view.id(), view.page(), view.width());
    }

    /**
     * One page made at a time: a single page image is decoded in memory at any moment, and the copy
     * of the document's file is kept for its next page (a reader turns pages one after another).
     */
    private synchronized Optional<View> make(String id, int page, String width) throws StorageException, IOException {
        Optional<Long> madeMeanwhile = store.statPageImage(id, page, width);
        if (madeMeanwhile.isPresent()) {
            return Optional.of(new View(id, page, width, madeMeanwhile.get()));
        }
        Optional<ObjectStore.RecordPage> record = store.findPage(id, page);
        if (record.isEmpty() || record.get().page() == null) {
            return Optional.empty();
        }
        Optional<BufferedImage> image = decode(id, page, record.get(), width);
        if (image.isEmpty()) {
            return Optional.empty();
        }
        byte[] jpeg = PageRaster.jpeg(image.get(), ORIGINAL.equals(width) ? Integer.MAX_VALUE : Integer.parseInt(width));
        store.putPageImage(id, page, width, jpeg);
        LOG.info("Page image {} p.{} at width {} made: {} bytes", id, page, width, jpeg.length);
        return Optional.of(new View(id, page, width, jpeg.length));
    }

    private Optional<BufferedImage> decode(String id, int page, ObjectStore.RecordPage record, String width)
            throws StorageException, IOException {
        Page read = record.page();
        if (store.statSearchablePdf(id).isPresent()) {
            return Optional.of(PageRaster.fromSearchablePdf(copyOf(id, true), page));
        }
        String type = record.contentType() == null ? "" : record.contentType();
        if (!type.startsWith("application/pdf") && !type.startsWith("image/")) {
            return Optional.empty();
        }
        Path original = copyOf(id, false);
        if (type.startsWith("image/")) {
            return Optional.of(PageRaster.imageFrame(original, page, read.rotation() == null ? 0 : read.rotation()));
        }
        int target = ORIGINAL.equals(width) ? 1600 : Integer.parseInt(width);
        return Optional.of(PageRaster.renderedPdfPage(original, page, read.width() != null ? read.width() : target));
    }

    /** The document's PDF/A copy or original on local disk: the one copied last if it is this one, else copied now. */
    private Path copyOf(String id, boolean searchablePdf) throws StorageException, IOException {
        String key = id + (searchablePdf ? ".pdf" : "");
        if (key.equals(copiedKey) && Files.exists(copied)) {
            return copied;
        }
        if (copied != null) {
            Files.deleteIfExists(copied);
            copied = null;
            copiedKey = null;
        }
        Files.createDirectories(tmp);
        Path copy = Files.createTempFile(tmp, "page-", ".bin");
        try (InputStream in = searchablePdf ? store.openSearchablePdf(id) : store.openOriginal(id)) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (StorageException | IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        copied = copy;
        copiedKey = key;
        return copy;
    }

    /** Deletes copies a stopped process left behind. */
    public void deleteAbandoned() throws IOException {
        if (!Files.isDirectory(tmp)) {
            return;
        }
        try (var files = Files.list(tmp)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("page-")).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
