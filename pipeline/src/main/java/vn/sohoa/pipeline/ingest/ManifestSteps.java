package vn.sohoa.pipeline.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.sohoa.core.document.DocumentRecord;
import vn.sohoa.core.index.DocumentIndex;
import vn.sohoa.core.index.IndexException;
import vn.sohoa.core.index.RecordIndexing;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StorageException;

/**
 * The archivist's manifest of a folder ({@code metadata.csv} or {@code .xlsx}, see
 * {@link vn.sohoa.pipeline.manifest.ManifestReader}) in the two routes: read for each file archived
 * from the folder, applied again to the folder's archived documents when it arrives or changes, and
 * moved to {@code done/} beside its files once it has been applied and the folder has no file left
 * to archive. A manifest that cannot be read stays where it is, reported beside it.
 */
public class ManifestSteps {

    private static final Logger LOG = LoggerFactory.getLogger(ManifestSteps.class);

    private final WatchedFolders folders;
    private final ObjectStore store;
    private final DocumentIndex index;
    private final FolderManifests manifests;
    private final FolderLocks locks;
    /** Manifest versions (path and version) applied to the documents archived before them; later files read them. */
    private final Set<String> applied = ConcurrentHashMap.newKeySet();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    public ManifestSteps(WatchedFolders folders, ObjectStore store, DocumentIndex index, long stableMillis,
                         FolderLocks locks) {
        this.locks = locks;
        this.folders = folders;
        this.store = store;
        this.index = index;
        this.manifests = new FolderManifests(stableMillis);
    }

    /**
     * Archive route, before the record is stored: what the folder's manifest says about this file.
     * The manifest in the watched folder is in force; once moved, the one in {@code done/} is. The
     * folder is held until the file is searchable.
     */
    public void readForFile(Exchange exchange) throws InterruptedException {
        Ingest ingest = exchange.getProperty(Ingest.PROPERTY, Ingest.class);
        ingest.folderHold = locks.shared(ingest.source.folder());
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                ingest.folderHold.release();
            }
        });
        Path dir = ingest.file.getParent();
        Optional<Path> here = FolderManifests.inForce(dir);
        if (here.isPresent() && !manifests.awaitStable(here.get())) {
            LOG.info("Manifest {} is still being written; it will be applied when it is complete", here.get());
            return;
        }
        Optional<FolderManifests.Reading> reading = here.flatMap(manifests::read)
                .or(() -> FolderManifests.inForce(folders.inDone(ingest.watchedFolder, dir)).flatMap(manifests::read));
        reading.ifPresent(found -> {
            if (found.readable()) {
                ingest.manifest = found.manifest().valuesFor(ingest.source.fileName());
            } else {
                ingest.manifestError = found.error() + ". " + FolderManifests.CONSEQUENCE;
            }
        });
    }

    /** Archive route, once the file has left for {@code done/}: its manifest follows when the folder has none left. */
    public void moveWhenDossierDone(Exchange exchange) {
        Ingest ingest = exchange.getProperty(Ingest.PROPERTY, Ingest.class);
        if (ingest.folderHold != null) {
            ingest.folderHold.release();
        }
        if (FolderManifests.inForce(ingest.file.getParent()).isEmpty()) {
            // Nothing to move. Taking the folder alone would wait for every file of it in flight and hold
            // back the next ones: a folder's files went through in groups. A manifest dropped from now on
            // is moved by its own route.
            return;
        }
        try (FolderLocks.Hold alone = locks.exclusive(ingest.source.folder())) {
            moveIfDossierDone(ingest.file.getParent(), ingest.watchedFolder);
        }
    }

    /**
     * Manifest route: a manifest in a watched folder, new or changed, is applied to the documents
     * already archived from that folder (their record and index entry are updated; what was read
     * off them stays as it was).
     */
    public void applyToArchived(Exchange exchange) throws StorageException, IndexException {
        Path file = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class)).toAbsolutePath();
        Path dir = file.getParent();
        Path watched = folders.watchedFolderOf(file);
        String folder = WatchedFolders.dossierOf(watched, dir);
        if (!FolderManifests.inForce(dir).map(file::equals).orElse(false)) {
            return;
        }
        Optional<FolderManifests.Reading> reading = manifests.read(file);
        if (reading.isEmpty() || !reading.get().readable()) {
            return;
        }
        String version = applied(file, reading.get().version());
        if (refused.contains(version)) {
            return;
        }
        try (FolderLocks.Hold alone = locks.exclusive(folder)) {
            if (applied.add(version)) {
                int updated = apply(reading.get(), folder);
                LOG.info("Manifest {} applied: {} archived document(s) of \"{}\" updated", file, updated, folder);
            }
            moveIfDossierDone(dir, watched);
        } catch (StorageException | IndexException | RuntimeException e) {
            applied.remove(version);
            throw e;
        }
    }

    /** An engine that answers refused this version of the manifest: it is not tried again until it changes. */
    public void refuse(Exchange exchange) throws IOException {
        Path file = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class)).toAbsolutePath();
        refused.add(applied(file, FolderManifests.version(file)));
    }

    private int apply(FolderManifests.Reading reading, String folder) throws StorageException, IndexException {
        int updated = 0;
        for (String id : index.idsInFolder(folder)) {
            DocumentRecord record = store.findRecord(id).orElse(null);
            if (record == null || !folder.equals(record.folder())) {
                continue;
            }
            Map<String, String> values = reading.manifest().valuesFor(record.fileName());
            if (values.equals(record.manifest()) && record.manifestError() == null) {
                continue;
            }
            DocumentRecord withManifest = record.withManifest(values, null);
            // Indexed first: values the index refuses never reach the stored record.
            RecordIndexing.put(store, index, withManifest);
            store.putRecord(withManifest);
            updated++;
        }
        return updated;
    }

    private static String applied(Path manifest, String version) {
        return manifest + "@" + version;
    }

    /** Called with the folder held alone. A manifest not yet applied to the archived documents stays. */
    private void moveIfDossierDone(Path dir, Path watched) {
        Optional<Path> manifest = FolderManifests.inForce(dir);
        try {
            if (manifest.isEmpty() || !applied.contains(applied(manifest.get(), FolderManifests.version(manifest.get())))
                    || WatchedFolders.hasFilesToArchive(dir)) {
                return;
            }
            manifests.moveToDone(dir, folders.inDone(watched, dir));
        } catch (IOException e) {
            LOG.warn("Manifest {} stays in place for now, it could not be moved to done/: {}", manifest.get(), e.toString());
        }
    }
}
