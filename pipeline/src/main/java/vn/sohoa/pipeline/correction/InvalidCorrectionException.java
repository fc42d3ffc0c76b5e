package vn.sohoa.pipeline.correction;

/** A correction that cannot be taken as sent; the message says why, in Vietnamese, for the archivist. */
public class InvalidCorrectionException extends IllegalArgumentException {

    public InvalidCorrectionException(String message) {
        super(message);
    }
}
