package vn.sohoa.ocr.work;

import java.io.IOException;
import java.util.Optional;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StorageException;

/**
 * The pages of a document being read, in object storage: once read, each page's outcome in one
 * object ({@code ID/work/N.page}, {@link PageOutcome}): its result with the PDF/A page's image, or why
 * it could not be made from the original. A page whose outcome is stored is never read again,
 * whichever process stopped in the middle.
 */
public final class PageCheckpoints {

    private final ObjectStore store;

    public PageCheckpoints(ObjectStore store) {
        this.store = store;
    }

    /** The document's pages are being sent to the workers: what is left of them says it was started. */
    public void begin(String document) throws StorageException {
        store.putWork(document, "started", new byte[0]);
    }

    /** Stores the page's result, which marks the page done. */
    public void put(String document, PageResult result) throws StorageException, IOException {
        store.putWork(document, outcomeKey(result.text().number()), PageOutcome.of(result));
    }

    public boolean isDone(String document, int page) throws StorageException {
        return store.hasWork(document, outcomeKey(page));
    }

    public Optional<PageResult> find(String document, int page) throws StorageException, IOException {
        Optional<byte[]> stored = store.getWork(document, outcomeKey(page));
        return stored.isEmpty() ? Optional.empty() : Optional.ofNullable(PageOutcome.result(stored.get()));
    }

    /** The page cannot be made from the original; stored as its outcome. */
    public void putUnreadable(String document, int page, UnreadablePage why) throws StorageException, IOException {
        store.putWork(document, outcomeKey(page), PageOutcome.of(why));
    }

    /** Why the page could not be made from the original, when that is its outcome. */
    public Optional<UnreadablePage> unreadable(String document, int page) throws StorageException, IOException {
        Optional<byte[]> stored = store.getWork(document, outcomeKey(page));
        return stored.isEmpty() ? Optional.empty() : Optional.ofNullable(PageOutcome.unreadable(stored.get()));
    }

    private static String outcomeKey(int page) {
        return page + ".page";
    }

    /** The page failed on every delivery. */
    public void giveUp(String document, int page) throws StorageException {
        store.putWork(document, page + ".given-up", new byte[0]);
    }

    public boolean isGivenUp(String document, int page) throws StorageException {
        return store.hasWork(document, page + ".given-up");
    }

    /** The page is sent again (its document was dropped again): it has another chance. */
    public void clearGivenUp(String document, int page) throws StorageException {
        store.deleteWork(document, page + ".given-up");
    }

    /** Whether some page of the document was sent or read before. */
    public boolean started(String document) throws StorageException {
        return store.hasAnyWork(document);
    }

    /** Deletes the document's pages once its record is stored. */
    public void forget(String document) throws StorageException {
        store.deleteWork(document);
    }
}
