package vn.sohoa.api.access;

import static vn.sohoa.api.access.Permission.ACCOUNTS;
import static vn.sohoa.api.access.Permission.AUDIT;
import static vn.sohoa.api.access.Permission.CORRECT;
import static vn.sohoa.api.access.Permission.INGEST_STATUS;
import static vn.sohoa.api.access.Permission.MAINTENANCE;
import static vn.sohoa.api.access.Permission.OWN_ACCOUNT;
import static vn.sohoa.api.access.Permission.READ;
import static vn.sohoa.api.access.Permission.UPLOAD;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The one table of who may do what. Reading is always bounded by the user's clearance as well. */
public enum Role {
    OFFICER("officer", EnumSet.of(READ, OWN_ACCOUNT)),
    ARCHIVIST("archivist", EnumSet.of(READ, OWN_ACCOUNT, UPLOAD, CORRECT, INGEST_STATUS)),
    ADMIN("admin", EnumSet.of(READ, OWN_ACCOUNT, UPLOAD, CORRECT, INGEST_STATUS, MAINTENANCE, ACCOUNTS, AUDIT));

    private final String code;
    private final Set<Permission> permissions;

    Role(String code, Set<Permission> permissions) {
        this.code = code;
        this.permissions = permissions;
    }

    public String code() {
        return code;
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    public static Optional<Role> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
