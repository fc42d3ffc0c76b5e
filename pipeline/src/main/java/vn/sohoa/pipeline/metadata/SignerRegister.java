package vn.sohoa.pipeline.metadata;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.sohoa.core.document.AdministrativeMetadata;
import vn.sohoa.core.document.AdministrativeMetadata.Field;
import vn.sohoa.core.document.DocumentRecord;
import vn.sohoa.core.document.EffectiveMetadata;
import vn.sohoa.core.index.DocumentIndex;
import vn.sohoa.core.index.IndexEntry;
import vn.sohoa.core.index.IndexException;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StorageException;

/**
 * The signers the archive knows, as an archivist knows the chairman. When a seal hid a signer's
 * family name and only the given names were read ("Thị Hồng Ánh"), the signer is the one archived
 * signer whose whole name ends with them, if there is exactly one. The register grows with the
 * archive: a document read later completes those read before it.
 */
public final class SignerRegister {

    private static final Logger LOG = LoggerFactory.getLogger(SignerRegister.class);
    /** A name taken from other records is less sure than one read whole. */
    static final double CONFIDENCE = 0.5;

    private final ObjectStore store;
    private final DocumentIndex index;

    public SignerRegister(ObjectStore store, DocumentIndex index) {
        this.store = store;
        this.index = index;
    }

    /**
     * Completes the signer of this indexed document if the register knows it, then the documents
     * waiting for its signer's name. Run after indexing: of two documents archived at the same time,
     * the one indexed last then sees the other.
     *
     * @return the document as it now stands
     */
    public DocumentRecord update(DocumentRecord record) throws StorageException, IndexException {
        DocumentRecord current = completeAndSave(record);
        List<String> endings = IndexEntry.nameEndings(EffectiveMetadata.of(current).signer());
        for (String id : index.idsWithPartialSigner(endings)) {
            Optional<DocumentRecord> waiting = store.findRecord(id);
            if (waiting.isPresent() && !id.equals(current.id())) {
                completeAndSave(waiting.get());
            }
        }
        return current;
    }

    private DocumentRecord completeAndSave(DocumentRecord record) throws StorageException, IndexException {
        AdministrativeMetadata read = record.metadata();
        if (read == null || read.partialSigner() == null || EffectiveMetadata.of(record).signer() != null) {
            return record;
        }
        Field partial = read.partialSigner();
        List<String> signers = index.signersEndingWith(partial.value());
        if (signers.size() != 1) {
            return record;
        }
        DocumentRecord completed = record.withMetadata(
                read.withSigner(new Field(signers.get(0), partial.page(), partial.line(), CONFIDENCE)));
        store.putRecord(completed);
        index.put(completed);
        LOG.info("Signer of {} ({}) read as \"{}\", completed from the archive: {}", record.fileName(), record.id(),
                partial.value(), signers.get(0));
        return completed;
    }
}
