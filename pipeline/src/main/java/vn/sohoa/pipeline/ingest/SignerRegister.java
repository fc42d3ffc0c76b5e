package vn.sohoa.pipeline.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.sohoa.core.access.Clearance;
import vn.sohoa.core.document.AdministrativeMetadata;
import vn.sohoa.core.document.AdministrativeMetadata.Field;
import vn.sohoa.core.document.DocumentRecord;
import vn.sohoa.core.document.EffectiveMetadata;
import vn.sohoa.core.index.DocumentIndex;
import vn.sohoa.core.index.IndexEntry;
import vn.sohoa.core.index.IndexException;
import vn.sohoa.core.index.RecordIndexing;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StorageException;

/**
 * The signers the archive knows, as an archivist knows the chairman. When a seal hid a signer's
 * family name and only the given names were read ("Thị Hồng Ánh"), the signer is the one archived
 * signer whose whole name ends with them, if there is exactly one. The register grows with the
 * archive: a document read later completes those read before it.
 */
final class SignerRegister {

    private static final Logger LOG = LoggerFactory.getLogger(SignerRegister.class);
    /** A name taken from other records is less sure than one read whole. */
    static final double CONFIDENCE = 0.5;
    private static final Duration FOLDER_WAIT = Duration.ofSeconds(10);

    private final ObjectStore store;
    private final DocumentIndex index;
    private final FolderLocks locks;

    SignerRegister(ObjectStore store, DocumentIndex index, FolderLocks locks) {
        this.store = store;
        this.index = index;
        this.locks = locks;
    }

    /** The document with its signer completed if the register knows it already; to be stored and indexed so. */
    DocumentRecord withKnownSigner(DocumentRecord record) throws IndexException {
        return completed(record).orElse(record);
    }

    /**
     * Completes the signer of this indexed document if the register knows it (when a document with
     * that signer was indexed since {@link #withKnownSigner} looked), then the documents
     * waiting for its signer's name. Run after indexing, with the document's folder held: of two
     * documents archived at the same time, the one indexed last then sees the other.
     *
     * @return the document as it now stands
     */
    DocumentRecord update(DocumentRecord record) throws StorageException, IndexException, InterruptedException {
        DocumentRecord current = completeAndSave(record);
        List<String> endings = IndexEntry.nameEndings(EffectiveMetadata.of(current).signer());
        // A name lends itself only to records as secret as the one it was read on, or more.
        for (String id : index.idsWithPartialSigner(endings, level(current))) {
            if (!id.equals(current.id())) {
                completeWaiting(id, current.folder());
            }
        }
        return current;
    }

    /**
     * Another document's record is rewritten with its folder held, so that a manifest applied to
     * that folder at the same moment is not lost. This document's folder is held already.
     */
    private void completeWaiting(String id, String heldFolder) throws StorageException, IndexException, InterruptedException {
        Optional<DocumentRecord> waiting = store.findRecord(id);
        if (waiting.isEmpty()) {
            return;
        }
        String folder = waiting.get().folder();
        if (folder.equals(heldFolder)) {
            completeAndSave(waiting.get());
            return;
        }
        Optional<FolderLocks.Hold> hold = locks.tryShared(folder, FOLDER_WAIT);
        if (hold.isEmpty()) {
            LOG.info("Signer of {} left for later: its folder \"{}\" is busy", id, folder);
            return;
        }
        try (FolderLocks.Hold held = hold.get()) {
            Optional<DocumentRecord> now = store.findRecord(id);
            if (now.isPresent()) {
                completeAndSave(now.get());
            }
        }
    }

    /** The record as it now stands: completed and saved if the register knows its signer, else as it was. */
    private DocumentRecord completeAndSave(DocumentRecord record) throws StorageException, IndexException {
        Optional<DocumentRecord> completed = completed(record);
        if (completed.isEmpty()) {
            return record;
        }
        store.putRecord(completed.get());
        RecordIndexing.put(store, index, completed.get());
        return completed.get();
    }

    private static Clearance level(DocumentRecord record) {
        return Clearance.ofMark(EffectiveMetadata.of(record).confidentiality());
    }

    /**
     * The record with its signer completed, when it has only given names and one archived signer has
     * them, among records no more secret than it.
     */
    private Optional<DocumentRecord> completed(DocumentRecord record) throws IndexException {
        AdministrativeMetadata read = record.metadata();
        if (read == null || read.partialSigner() == null || EffectiveMetadata.of(record).signer() != null) {
            return Optional.empty();
        }
        Field partial = read.partialSigner();
        List<String> signers = index.signersEndingWith(partial.value(), level(record));
        if (signers.size() != 1) {
            return Optional.empty();
        }
        LOG.info("Signer of {} ({}) read as \"{}\", completed from the archive: {}", record.fileName(), record.id(),
                partial.value(), signers.get(0));
        return Optional.of(record.withMetadata(
                read.withSigner(new Field(signers.get(0), partial.page(), partial.line(), CONFIDENCE))));
    }
}
