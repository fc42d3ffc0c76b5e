package vn.sohoa.core.index;

/** Elasticsearch could not be reached or refused an operation; the file waits and is retried. */
public class IndexException extends Exception {

    public IndexException(String message) {
        super(message);
    }

    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
