package vn.sohoa.core.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One action in the audit trail: when, who, from which address, what, on which document, and how
 * it ended.
 *
 * @param chain    the run of sohoa that wrote it (a process's entries form one chain)
 * @param seq      its place in that chain, from 1
 * @param user     the login name, or the name tried at a failed login; null when nobody signed in
 * @param action   what was done: {@code login}, {@code search}, {@code download-original}...
 * @param document the document acted on, if any
 * @param details  what else tells the action: the query and its hits, a field's old and new value...
 * @param status   the HTTP status the request was answered with
 * @param previous the SHA-256 of the stored bytes of the entry before it, so that no entry can be
 *                 changed or removed unseen; null for the very first entry of the archive
 */
public record AuditEntry(
        String chain,
        long seq,
        Instant at,
        String user,
        String address,
        String action,
        String document,
        Map<String, Object> details,
        int status,
        String previous) {

    public AuditEntry {
        details = details == null ? Map.of() : details;
    }

    /** An entry still to be placed in the trail. */
    public static AuditEntry of(String user, String address, String action, String document,
                                Map<String, Object> details, int status) {
        return new AuditEntry(null, 0, Instant.now(), user, address, action, document, details, status, null);
    }

    AuditEntry placed(String chain, long seq, String previous) {
        return new AuditEntry(chain, seq, at, user, address, action, document, details, status, previous);
    }
}
