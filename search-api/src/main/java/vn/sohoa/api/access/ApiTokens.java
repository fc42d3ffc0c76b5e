package vn.sohoa.api.access;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import vn.sohoa.core.storage.Checksums;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StorageException;

/**
 * Tokens that stand for a user in scripts and on the command line ({@code Authorization: Bearer}).
 * A token is shown once; only its SHA-256 is stored ({@code tokens/HASH.json} in bucket
 * {@code system}), with its owner, a name, an expiry and whether it was revoked. A token is 256
 * random bits, so a plain hash is enough: there is nothing to guess.
 */
public class ApiTokens {

    private static final String TOKEN_START = "sohoa_";
    public static final int MAX_DAYS = 365;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SystemRecords<StoredToken> records;

    public ApiTokens(ObjectStore store) {
        this.records = new SystemRecords<>(store, "tokens/", StoredToken.class);
    }

    /** What is stored of a token; {@code id} (the first 16 characters of its hash) names it for revoking. */
    public record StoredToken(String id, String hash, String username, String name, Instant createdAt, Instant expiresAt,
                              boolean revoked) {
        boolean validAt(Instant now) {
            return !revoked && now.isBefore(expiresAt);
        }
    }

    /** A new token, as it is shown once, and what is stored of it. */
    public record Issued(String token, StoredToken stored) {
    }

    public Issued issue(String username, String name, int days) throws StorageException {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = TOKEN_START + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String hash = Checksums.sha256(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Instant now = Instant.now();
        StoredToken stored = new StoredToken(hash.substring(0, 16), hash, username,
                name == null || name.isBlank() ? "token" : name.strip(), now,
                now.plus(Duration.ofDays(Math.max(1, Math.min(days, MAX_DAYS)))), false);
        save(stored);
        return new Issued(token, stored);
    }

    /** The owner of a valid token. */
    public Optional<StoredToken> find(String token) throws StorageException {
        if (token == null || !token.startsWith(TOKEN_START) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Checksums.sha256(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return records.find(hash).filter(t -> t.validAt(Instant.now()));
    }

    public List<StoredToken> of(String username) throws StorageException {
        return records.all().stream().filter(t -> t.username().equals(username)).toList();
    }

    /** Revokes the user's token with this id; false when the user has none such. */
    public boolean revoke(String username, String id) throws StorageException {
        for (StoredToken token : of(username)) {
            if (token.id().equals(id)) {
                save(new StoredToken(token.id(), token.hash(), token.username(), token.name(), token.createdAt(),
                        token.expiresAt(), true));
                return true;
            }
        }
        return false;
    }

    private void save(StoredToken token) throws StorageException {
        records.save(token.hash(), token);
    }
}
