package vn.sohoa.api.access;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.sohoa.core.access.Clearance;

/**
 * A local account as stored ({@code accounts/USERNAME.json} in bucket {@code system}). The password
 * is kept only as its Argon2id hash.
 *
 * @param mustChangePassword set for a password someone else chose (the first admin's, one an admin set)
 */
public record Account(
        String username,
        String displayName,
        String role,
        String clearance,
        boolean enabled,
        String passwordHash,
        boolean mustChangePassword,
        Instant createdAt,
        Instant changedAt) {

    @JsonIgnore
    public Role roleValue() {
        return Role.ofCode(role).orElse(Role.OFFICER);
    }

    /** Unknown or missing clearance counts as none. */
    @JsonIgnore
    public Clearance clearanceValue() {
        return Clearance.ofCode(clearance).orElse(Clearance.NONE);
    }

    Account withPasswordHash(String hash, boolean mustChange) {
        return new Account(username, displayName, role, clearance, enabled, hash, mustChange, createdAt, Instant.now());
    }

    Account with(String newDisplayName, String newRole, String newClearance, boolean newEnabled) {
        return new Account(username, newDisplayName, newRole, newClearance, newEnabled, passwordHash, mustChangePassword,
                createdAt, Instant.now());
    }

    /** What the API shows of an account: never the hash. */
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("username", username);
        view.put("displayName", displayName);
        view.put("role", role);
        view.put("clearance", clearance);
        view.put("enabled", enabled);
        view.put("mustChangePassword", mustChangePassword);
        view.put("createdAt", createdAt);
        return view;
    }
}
