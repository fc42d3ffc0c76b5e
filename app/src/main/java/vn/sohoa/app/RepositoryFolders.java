package vn.sohoa.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Folders of the repository sohoa was built in, found from the working folder or from sohoa's own jar. */
final class RepositoryFolders {

    private static final Path CORPUS = Path.of("testdata", "corpus");

    private RepositoryFolders() {
    }

    /** The repository's own small corpus ({@code testdata/corpus}). */
    static Path testCorpus() {
        if (Files.isDirectory(CORPUS)) {
            return CORPUS;
        }
        try {
            // app/target/sohoa/lib/sohoa-app.jar (or app/target/classes): the repository is above app/.
            Path code = Path.of(RepositoryFolders.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path folder = code; folder != null; folder = folder.getParent()) {
                if (Files.isDirectory(folder.resolve(CORPUS))) {
                    return folder.resolve(CORPUS);
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through: the caller reports the folder as missing
        }
        return CORPUS;
    }
}
