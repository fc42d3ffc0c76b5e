package vn.sohoa.api.search;

/** The request cannot be answered as asked; the message says why, in Vietnamese. Answered with 400. */
public class BadQueryException extends Exception {

    public BadQueryException(String message) {
        super(message);
    }
}
