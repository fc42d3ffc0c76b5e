package vn.sohoa.pipeline.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads the manifest archivists keep of a folder, their mục lục: {@code metadata.csv} or
 * {@code metadata.xlsx} (also {@code .xls}) beside the files, one row per file, columns named after
 * the standard's fields in English or Vietnamese.
 */
public final class ManifestReader {

    /** The names a manifest may have, in any case; when a folder holds several, the first here is read. */
    public static final List<String> NAMES = List.of("metadata.xlsx", "metadata.xls", "metadata.csv");
    private static final long MAX_BYTES = 20L * 1024 * 1024;

    private ManifestReader() {
    }

    public static boolean isManifest(String fileName) {
        String name = fileName.replace('\\', '/');
        return NAMES.contains(name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * @throws ManifestException the manifest cannot be read, with the reason in Vietnamese
     * @throws NoSuchFileException the manifest is no longer there
     */
    public static Manifest read(Path file) throws ManifestException, NoSuchFileException {
        String name = file.getFileName().toString();
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ManifestException("tệp lớn hơn " + MAX_BYTES / 1024 / 1024 + " MB");
            }
            boolean csv = name.toLowerCase(Locale.ROOT).endsWith(".csv");
            return Manifest.of(csv ? CsvTable.read(Files.readAllBytes(file)) : SpreadsheetTable.read(file));
        } catch (NoSuchFileException gone) {
            throw gone;
        } catch (IOException e) {
            throw new ManifestException("Không đọc được tệp mục lục " + name + " (" + e.getClass().getSimpleName()
                    + "); hãy kiểm tra quyền đọc tệp", e);
        } catch (ManifestException e) {
            throw new ManifestException("Không đọc được tệp mục lục " + name + ": " + e.getMessage(), e.getCause());
        }
    }
}
