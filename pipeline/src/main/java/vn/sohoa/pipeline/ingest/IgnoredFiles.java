package vn.sohoa.pipeline.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import vn.sohoa.pipeline.manifest.ManifestReader;

/**
 * Files in a watched folder that are not records: hidden files and folders, Office lock files,
 * downloads and copies still in progress, Windows thumbnails, our own error reports, the folder's
 * manifest (read by {@link ManifestRoutes}, not archived), and symbolic links (never followed: they
 * could point anywhere).
 */
public class IgnoredFiles implements GenericFileFilter<Object> {

    private static final Pattern IGNORED = Pattern.compile(
            "^(\\..*|~\\$.*|.*\\.part|.*\\.crdownload|.*\\.tmp|thumbs\\.db|desktop\\.ini|.*\\.error\\.json|.*\\.camellock)$");

    public static boolean isIgnored(Path path) {
        return isIgnoredName(path.getFileName().toString()) || Files.isSymbolicLink(path);
    }

    public static boolean isIgnoredName(String name) {
        return IGNORED.matcher(name.toLowerCase(Locale.ROOT)).matches() || ManifestReader.isManifest(name);
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        return !isIgnored(Path.of(file.getAbsoluteFilePath()));
    }
}
