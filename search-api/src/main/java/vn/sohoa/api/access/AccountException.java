package vn.sohoa.api.access;

/** A change to an account that cannot be made; the message says why, in Vietnamese. */
public class AccountException extends Exception {
    public AccountException(String message) {
        super(message);
    }
}
