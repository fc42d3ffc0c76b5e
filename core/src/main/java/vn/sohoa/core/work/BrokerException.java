package vn.sohoa.core.work;

/** The broker that carries page work could not be reached or refused an operation; the file waits and is retried. */
public class BrokerException extends Exception {

    public BrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
