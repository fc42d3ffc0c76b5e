package vn.sohoa.ocr.work;

/**
 * A page that cannot be made from its original: its image data is damaged, or rendering it needs
 * more memory than the worker has. The page's own failure, the same at every try: it is stored as the
 * page's outcome, not delivered again.
 */
public final class UnreadablePage extends Exception {

    /** Why, for the pipeline to say it in the document's reason. */
    public enum Cause { DAMAGED, TOO_COMPLEX }

    private final Cause cause;

    public UnreadablePage(Cause cause, String detail) {
        super(detail);
        this.cause = cause;
    }

    public Cause why() {
        return cause;
    }
}
