package vn.sohoa.api.access;

/** What a request may do; {@link Role} says who holds which. */
public enum Permission {
    /** Search, read a document, its text and pages, download its original and PDF/A copy: within clearance. */
    READ,
    /** See and change one's own account: password, tokens. */
    OWN_ACCOUNT,
    UPLOAD,
    /** Correct a document's metadata. */
    CORRECT,
    /** See what the archive is working on and what failed. */
    INGEST_STATUS,
    /** Verify every stored object, rebuild the index. */
    MAINTENANCE,
    /** Add, disable and change accounts. */
    ACCOUNTS,
    AUDIT
}
