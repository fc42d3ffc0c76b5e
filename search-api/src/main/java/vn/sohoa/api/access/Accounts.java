package vn.sohoa.api.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.sohoa.core.access.Clearance;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StorageException;

/**
 * The local accounts, kept in object storage ({@code accounts/USERNAME.json} in bucket
 * {@code system}, see {@link SystemRecords}) so that a backup of storage holds them and several
 * sohoa processes share them.
 */
public class Accounts {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");

    private final SystemRecords<Account> records;

    public Accounts(ObjectStore store) {
        this.records = new SystemRecords<>(store, "accounts/", Account.class);
    }

    /**
     * On a first start with no account at all: creates {@code admin} with the highest clearance and a
     * random password, written to {@code DATA/admin-password.txt} (readable by its owner only) and
     * returned so that it can be shown once; empty when accounts exist.
     */
    public Optional<String> createFirstAdmin(Path dataDir) throws StorageException, IOException {
        if (!records.isEmpty()) {
            return Optional.empty();
        }
        String password = Passwords.random();
        Instant now = Instant.now();
        save(new Account("admin", "Quản trị viên", Role.ADMIN.code(), Clearance.TUYET_MAT.code(), true,
                Passwords.hash(password), true, now, now));
        Path file = dataDir.resolve("admin-password.txt");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        return Optional.of(password);
    }

    public Optional<Account> find(String username) throws StorageException {
        if (username == null || !USERNAME.matcher(username).matches()) {
            return Optional.empty();
        }
        return records.find(username);
    }

    /** The account, or why there is none to change. */
    public Account existing(String username) throws StorageException, AccountException {
        return find(username).orElseThrow(() -> new AccountException("Không có tài khoản \"" + username + "\"."));
    }

    public List<Account> all() throws StorageException {
        return records.all();
    }

    /** Adds an account; refuses a taken or malformed name, an unknown role or clearance, a weak password. */
    public Account add(String username, String displayName, String role, String clearance, String password)
            throws StorageException, AccountException {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new AccountException("Tên đăng nhập phải gồm 2 đến 40 ký tự a-z, 0-9, dấu chấm, gạch dưới hoặc gạch "
                    + "ngang, bắt đầu bằng chữ hoặc số.");
        }
        checkRoleAndClearance(role, clearance);
        checkPassword(password);
        if (records.readNow(username).isPresent()) {
            throw new AccountException("Tên đăng nhập \"" + username + "\" đã có người dùng.");
        }
        Instant now = Instant.now();
        Account account = new Account(username, displayName == null || displayName.isBlank() ? username : displayName.strip(),
                role, clearance, true, Passwords.hash(password), true, now, now);
        save(account);
        return account;
    }

    /** Changes what an admin may change: display name, role, clearance, enabled; null keeps a value. */
    public Account change(String username, String displayName, String role, String clearance, Boolean enabled)
            throws StorageException, AccountException {
        Account account = existing(username);
        String newRole = role != null ? role : account.role();
        String newClearance = clearance != null ? clearance : account.clearance();
        checkRoleAndClearance(newRole, newClearance);
        Account changed = account.with(displayName != null ? displayName.strip() : account.displayName(), newRole,
                newClearance, enabled != null ? enabled : account.enabled());
        save(changed);
        return changed;
    }

    /** Sets a new password; {@code byOwner} false (an admin set it) makes its owner change it at the next sign-in. */
    public Account setPassword(String username, String password, boolean byOwner) throws StorageException, AccountException {
        Account account = existing(username);
        checkPassword(password);
        Account changed = account.withPasswordHash(Passwords.hash(password), !byOwner);
        save(changed);
        return changed;
    }

    private static void checkPassword(String password) throws AccountException {
        String weakness = Passwords.weakness(password);
        if (weakness != null) {
            throw new AccountException(weakness);
        }
    }

    private static void checkRoleAndClearance(String role, String clearance) throws AccountException {
        if (Role.ofCode(role).isEmpty()) {
            throw new AccountException("Vai trò phải là officer, archivist hoặc admin, không phải \"" + role + "\".");
        }
        if (Clearance.ofCode(clearance).isEmpty()) {
            throw new AccountException("Mức được xem tài liệu mật phải là none, mat, toi-mat hoặc tuyet-mat, không phải \""
                    + clearance + "\".");
        }
    }

    private void save(Account account) throws StorageException {
        records.save(account.username(), account);
    }
}
