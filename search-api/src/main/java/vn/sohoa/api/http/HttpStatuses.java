package vn.sohoa.api.http;

import vn.sohoa.api.access.AccessDeniedException;
import vn.sohoa.api.access.AccountException;
import vn.sohoa.api.search.BadQueryException;
import vn.sohoa.core.index.IndexException;
import vn.sohoa.core.storage.StorageException;

/** The HTTP status each failure of a request is answered with. */
public final class HttpStatuses {

    private HttpStatuses() {
    }

    public static int of(Throwable failure) {
        if (failure instanceof AccessDeniedException denied) {
            return denied.status();
        }
        if (failure instanceof NotFoundException) {
            return 404;
        }
        if (failure instanceof BadQueryException || failure instanceof AccountException
                || failure instanceof IllegalArgumentException) {
            return 400;
        }
        if (failure instanceof IndexException || failure instanceof StorageException) {
            return 503;
        }
        return 500;
    }
}
