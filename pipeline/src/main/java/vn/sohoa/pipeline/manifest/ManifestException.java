package vn.sohoa.pipeline.manifest;

/** A manifest that cannot be read; the message says why, in Vietnamese, for the archivist. */
public class ManifestException extends Exception {

    ManifestException(String message) {
        super(message);
    }

    ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
