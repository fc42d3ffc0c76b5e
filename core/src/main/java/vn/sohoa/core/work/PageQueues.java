package vn.sohoa.core.work;

/**
 * The broker's destinations for page work, shared by the broker, the pipeline and the OCR workers.
 * A page is a message on {@link #PAGES}; a worker announces each stored page on {@link #DONE}; a
 * page that failed {@link #MAX_DELIVERIES} times goes to {@link #DEAD}.
 */
public final class PageQueues {

    public static final String PAGES = "sohoa.pages";
    public static final String DEAD = "sohoa.pages.dead";
    public static final String DONE = "sohoa.pages.done";
    public static final int MAX_DELIVERIES = 3;

    private PageQueues() {
    }

    /**
     * Page N of any document goes at priority 9 - floor(log2 N), at least 1: a document dropped later
     * has its first pages read before a long document's later ones, so short scans are not held back.
     */
    public static int priority(int page) {
        int log2 = 31 - Integer.numberOfLeadingZeros(Math.max(1, page));
        return Math.max(1, 9 - log2);
    }
}
