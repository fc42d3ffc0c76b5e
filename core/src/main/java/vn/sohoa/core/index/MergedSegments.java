package vn.sohoa.core.index;

/**
 * How many segments a rebuilt index is merged into. Three: at 100,000 records an index merged into
 * three is searched with a quarter less CPU than the thirty a rebuild leaves, and one segment was
 * slower, as Elasticsearch searches a large shard's segments in parallel slices and one leaves one
 * slice. More for a large index, so that none is over {@link #LARGEST_BYTES}.
 */
final class MergedSegments {

    static final long FEWEST = 3;
    /**
     * Elasticsearch's merge policy leaves a segment over 5 GB alone until it is mostly deleted
     * documents, and an archive keeps adding and correcting records.
     */
    static final long LARGEST_BYTES = 4L << 30;

    private MergedSegments() {
    }

    static long forIndexOf(long bytes) {
        return Math.max(FEWEST, (bytes + LARGEST_BYTES - 1) / LARGEST_BYTES);
    }
}
