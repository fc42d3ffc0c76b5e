package vn.sohoa.api.access;

import org.apache.camel.Exchange;
import vn.sohoa.core.access.Clearance;

/**
 * The user a request is made by, as the access guard found it.
 *
 * @param session the browser session the request came with; null for a request made with a token
 */
public record SignedIn(Account account, String address, Sessions.BrowserSession session) {

    static final String PROPERTY = "sohoa.signedIn";

    public String username() {
        return account.username();
    }

    public Clearance clearance() {
        return account.clearanceValue();
    }

    public Role role() {
        return account.roleValue();
    }

    /** The user of a request that passed the guard; a request that reached a handler always has one, but sign-in's. */
    public static SignedIn of(Exchange exchange) {
        SignedIn user = exchange.getProperty(PROPERTY, SignedIn.class);
        if (user == null) {
            throw new IllegalStateException("No signed-in user on a guarded request");
        }
        return user;
    }

    public static void set(Exchange exchange, SignedIn user) {
        exchange.setProperty(PROPERTY, user);
    }
}
