package vn.sohoa.ocr.work;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.document.Word;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StorageException;
import vn.sohoa.ocr.PageText;
import vn.sohoa.ocr.PdfPageImage;

/**
 * The pages of a document being read, in object storage: once read, each page's result
 * ({@code ID/work/N.json} beside the PDF/A page's image {@code ID/work/N.pdfimage}), or why it could
 * not be made from the original ({@code ID/work/N.unreadable}). A page whose outcome is stored is
 * never read again, whichever process stopped in the middle.
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

    /** Stores the page's result: the PDF/A image first, then the text, which marks the page done. */
    public void put(String document, PageResult result) throws StorageException, IOException {
        int page = result.text().number();
        PdfPageImage pdf = result.pdfImage();
        store.putWork(document, page + ".pdfimage", pdf.bytes());
        PageText text = result.text();
        Stored stored = new Stored(page, text.text(), text.confidence(), text.rotation(), text.width(), text.height(),
                text.words(), pdf.encoding(), pdf.width(), pdf.height(), pdf.dpi());
        store.putWork(document, page + ".json", Json.MAPPER.writeValueAsBytes(stored));
    }

    public boolean isDone(String document, int page) throws StorageException {
        return store.hasWork(document, page + ".json") || store.hasWork(document, page + ".unreadable");
    }

    public Optional<PageResult> find(String document, int page) throws StorageException, IOException {
        Optional<byte[]> json = store.getWork(document, page + ".json");
        if (json.isEmpty()) {
            return Optional.empty();
        }
        Stored stored = Json.MAPPER.readValue(json.get(), Stored.class);
        byte[] image = store.getWork(document, page + ".pdfimage")
                .orElseThrow(() -> new IOException("Page " + page + " of " + document + " has no PDF/A image"));
        return Optional.of(new PageResult(
                new PageText(page, stored.text(), stored.confidence(), stored.rotation(), stored.width(),
                        stored.height(), stored.words(), null),
                new PdfPageImage(stored.encoding(), stored.imageWidth(), stored.imageHeight(), stored.dpi(), image)));
    }

    /** The page cannot be made from the original; stored as its outcome. */
    public void putUnreadable(String document, int page, UnreadablePage why) throws StorageException {
        store.putWork(document, page + ".unreadable",
                (why.why().name() + "\n" + why.getMessage()).getBytes(StandardCharsets.UTF_8));
    }

    /** Why the page could not be made from the original, when that is its outcome. */
    public Optional<UnreadablePage> unreadable(String document, int page) throws StorageException {
        return store.getWork(document, page + ".unreadable").map(bytes -> {
            String[] parts = new String(bytes, StandardCharsets.UTF_8).split("\n", 2);
            return new UnreadablePage(UnreadablePage.Cause.valueOf(parts[0]), parts.length > 1 ? parts[1] : "");
        });
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

    /** A page's result as stored: what was read, and how its PDF/A image is encoded. */
    record Stored(int number, String text, float confidence, int rotation, int width, int height, List<Word> words,
                  String encoding, int imageWidth, int imageHeight, int dpi) {
    }
}
