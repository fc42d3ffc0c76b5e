package vn.sohoa.pipeline.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import vn.sohoa.pipeline.manifest.ManifestReader;

/** What the manifest route looks at: the manifests of the watched folders, and the folders that may hold them. */
public class ManifestFiles implements GenericFileFilter<Object> {

    @Override
    public boolean accept(GenericFile<Object> file) {
        Path path = Path.of(file.getAbsoluteFilePath());
        if (file.isDirectory()) {
            return !IgnoredFiles.isIgnored(path);
        }
        return ManifestReader.isManifest(path.getFileName().toString()) && !Files.isSymbolicLink(path);
    }
}
