package vn.sohoa.pipeline.ingest;

import java.nio.file.Path;
import java.util.Map;
import vn.sohoa.core.document.DocumentRecord;
import vn.sohoa.core.document.Source;
import vn.sohoa.pipeline.extraction.Extraction;

/** One file on its way through the archive route; carried as the exchange property {@link #PROPERTY}. */
public final class Ingest {

    public static final String PROPERTY = "sohoa.ingest";

    final Path file;
    final Path watchedFolder;
    final Source source;
    String id;
    String contentType;
    /** The file's size when its original was stored: the file may be taken away afterwards. */
    long size;
    Extraction extraction;
    DocumentRecord record;
    boolean duplicate;
    /** Its original was stored by this attempt and no record makes it archived yet. */
    boolean originalWithoutRecord;
    /** Its record was stored by this attempt and is not yet in the index. */
    boolean storedNotIndexed;
    /** What the folder's manifest says about this file, and why it could not be read when it could not. */
    Map<String, String> manifest = Map.of();
    String manifestError;
    /** The folder held shared while the file is between reading the manifest and being searchable. */
    FolderLocks.Hold folderHold;

    Ingest(Path file, Path watchedFolder, Source source) {
        this.file = file;
        this.watchedFolder = watchedFolder;
        this.source = source;
    }
}
