package vn.sohoa.core.storage;

/** The object store could not be reached or refused an operation; the file waits and is retried. */
public class StorageException extends Exception {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
