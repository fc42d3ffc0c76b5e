package vn.sohoa.api.http;

/** Nothing is known under the id asked for. Answered with 404. */
public class NotFoundException extends Exception {

    public NotFoundException(String message) {
        super(message);
    }
}
