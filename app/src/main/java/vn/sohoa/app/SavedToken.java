package vn.sohoa.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The token the command line signs in with: {@code SOHOA_TOKEN}, else the one {@code ./sohoa login}
 * saved in the user's config folder ({@code $XDG_CONFIG_HOME/sohoa/token}, by default
 * {@code ~/.config/sohoa/token}; the system property {@code sohoa.config.dir} names another folder),
 * readable by its owner only.
 */
final class SavedToken {

    private SavedToken() {
    }

    static Optional<String> find() {
        String fromEnvironment = System.getenv("SOHOA_TOKEN");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(fromEnvironment.strip());
        }
        try {
            Path file = file();
            return Files.isReadable(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                    .filter(t -> !t.isEmpty()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Path save(String token) throws IOException {
        Path file = file();
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
        return file;
    }

    static Path file() {
        String own = System.getProperty("sohoa.config.dir");
        if (own != null) {
            return Path.of(own).resolve("token");
        }
        String config = System.getenv("XDG_CONFIG_HOME");
        Path base = config != null && !config.isBlank() ? Path.of(config)
                : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("sohoa").resolve("token");
    }
}
