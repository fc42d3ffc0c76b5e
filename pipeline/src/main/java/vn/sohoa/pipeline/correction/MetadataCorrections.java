package vn.sohoa.pipeline.correction;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.sohoa.core.document.Correction;
import vn.sohoa.core.document.DocumentRecord;
import vn.sohoa.core.document.EffectiveMetadata;
import vn.sohoa.core.index.DocumentIndex;
import vn.sohoa.core.index.IndexException;
import vn.sohoa.core.index.RecordIndexing;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StorageException;
import vn.sohoa.core.text.VietnameseText;
import vn.sohoa.pipeline.metadata.DocumentNumber;
import vn.sohoa.pipeline.metadata.DocumentTypes;

/**
 * An archivist's changes to a document's metadata: checked, appended to the corrections stored
 * beside its record (who, when, field, old and new value, why), and the document indexed again at
 * once, so that its new values are found by the next search.
 */
public class MetadataCorrections {

    private static final Logger LOG = LoggerFactory.getLogger(MetadataCorrections.class);
    private static final Set<String> SECRECY = Set.of("MẬT", "TỐI MẬT", "TUYỆT MẬT");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final int REASON_CHARS = 2000;
    private static final int VALUE_CHARS = 2000;
    private static final int WRITE_ATTEMPTS = 5;
    /** Names a request may use for a field, beside the field's own: the standard's and the form's. */
    private static final Map<String, String> ALIASES = Map.of("organName", Correction.ISSUER, "typeName",
            Correction.TYPE_CODE, "dossier", Correction.FILE_CODE);
    private static final String NUMBER = "codeNumber";
    private static final String NOTATION = "codeNotation";

    private final ObjectStore store;
    private final DocumentIndex index;
    private final Clock clock;

    public MetadataCorrections(ObjectStore store, DocumentIndex index, Clock clock) {
        this.store = store;
        this.index = index;
        this.clock = clock;
    }

    /**
     * Applies the changes.
     *
     * @param fields new values by field name; null or blank clears a field
     * @return the document's corrections now, oldest first; empty when the document is not archived
     */
    public Optional<List<Correction>> correct(String id, Map<String, String> fields, String reason, String user)
            throws StorageException, IndexException {
        if (fields == null || fields.isEmpty()) {
            throw new InvalidCorrectionException("Không có trường nào để sửa: hãy gửi {\"fields\": {\"tên trường\": "
                    + "\"giá trị mới\"}}. Các trường sửa được: " + String.join(", ", Correction.FIELDS) + ".");
        }
        String why = cleaned(reason);
        if (why != null && why.length() > REASON_CHARS) {
            throw new InvalidCorrectionException("Lý do sửa quá dài (tối đa " + REASON_CHARS + " ký tự).");
        }
        Map<String, String> asked = normalised(fields);
        ReentrantLock lock = RecordIndexing.lockOf(id);
        lock.lock();
        try {
            Optional<DocumentRecord> record = store.findRecord(id);
            if (record.isEmpty()) {
                return Optional.empty();
            }
            for (int attempt = 1; ; attempt++) {
                ObjectStore.StoredCorrections stored = store.corrections(id);
                List<Correction> changes = changes(record.get(), stored.list(), asked, why, user);
                if (changes.isEmpty()) {
                    return Optional.of(stored.list());
                }
                List<Correction> all = new ArrayList<>(stored.list());
                all.addAll(changes);
                if (store.replaceCorrections(id, stored, all)) {
                    index.put(record.get(), all);
                    LOG.info("Metadata of {} corrected by {}: {}", id, user,
                            changes.stream().map(Correction::field).toList());
                    return Optional.of(List.copyOf(all));
                }
                if (attempt == WRITE_ATTEMPTS) {
                    throw new StorageException("The corrections of " + id + " kept changing while being written", null);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The fields asked for, under their own names, with their values as they will be stored. */
    private static Map<String, String> normalised(Map<String, String> fields) {
        Map<String, String> asked = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : fields.entrySet()) {
            String name = ALIASES.getOrDefault(entry.getKey(), entry.getKey());
            if (!Correction.FIELDS.contains(name) && !NUMBER.equals(name) && !NOTATION.equals(name)) {
                throw new InvalidCorrectionException("Không sửa được trường \"" + entry.getKey() + "\". Các trường sửa "
                        + "được: " + String.join(", ", Correction.FIELDS) + ", codeNumber, codeNotation.");
            }
            String value = cleaned(entry.getValue());
            if (value != null && value.length() > VALUE_CHARS) {
                throw new InvalidCorrectionException("Giá trị của trường \"" + entry.getKey() + "\" quá dài (tối đa "
                        + VALUE_CHARS + " ký tự).");
            }
            asked.put(name, switch (name) {
                case Correction.ISSUED_DATE -> isoDate(value);
                case Correction.CONFIDENTIALITY -> secrecy(value);
                case Correction.DOCUMENT_NUMBER -> number(value);
                default -> value;
            });
        }
        return asked;
    }

    /** One correction for each field whose value changes; a number and a type change whole. */
    private List<Correction> changes(DocumentRecord record, List<Correction> before, Map<String, String> asked,
                                     String reason, String user) {
        EffectiveMetadata now = EffectiveMetadata.of(record, before);
        Map<String, String> target = new LinkedHashMap<>(asked);
        if (target.containsKey(NUMBER) || target.containsKey(NOTATION)) {
            String number = target.containsKey(NUMBER) ? target.remove(NUMBER) : now.codeNumber();
            String notation = target.containsKey(NOTATION) ? target.remove(NOTATION) : now.codeNotation();
            target.putIfAbsent(Correction.DOCUMENT_NUMBER, number == null ? notation
                    : notation == null ? number : number + "/" + notation);
        }
        if (target.containsKey(Correction.DOCUMENT_TYPE) || target.containsKey(Correction.TYPE_CODE)) {
            type(target);
        }
        Map<String, String> current = new LinkedHashMap<>();
        current.put(Correction.SUBJECT, now.subject());
        current.put(Correction.DOCUMENT_NUMBER, now.documentNumber());
        current.put(Correction.ISSUED_DATE, now.issuedDate() == null ? null : now.issuedDate().toString());
        current.put(Correction.DOCUMENT_TYPE, now.documentType());
        current.put(Correction.TYPE_CODE, now.typeCode());
        current.put(Correction.ISSUER, now.issuer());
        current.put(Correction.SIGNER, now.signer());
        current.put(Correction.CONFIDENTIALITY, now.confidentiality());
        current.put(Correction.FILE_CODE, now.fileCode());
        boolean typeChanges = target.containsKey(Correction.DOCUMENT_TYPE)
                && (!Objects.equals(target.get(Correction.DOCUMENT_TYPE), now.documentType())
                || !Objects.equals(target.get(Correction.TYPE_CODE), now.typeCode()));
        List<Correction> changes = new ArrayList<>();
        for (String field : Correction.FIELDS) {
            if (!target.containsKey(field)) {
                continue;
            }
            boolean typeField = Correction.DOCUMENT_TYPE.equals(field) || Correction.TYPE_CODE.equals(field);
            boolean changed = typeField ? typeChanges : !Objects.equals(target.get(field), current.get(field));
            if (changed) {
                changes.add(new Correction(clock.instant(), user, field, current.get(field), target.get(field), reason));
            }
        }
        return changes;
    }

    /** A type is its name and its code: given one, the other follows; a name outside the standard's list is Khác (32). */
    private static void type(Map<String, String> target) {
        String name = target.get(Correction.DOCUMENT_TYPE);
        String code = target.get(Correction.TYPE_CODE);
        if (name == null && code == null) {
            target.put(Correction.DOCUMENT_TYPE, null);
            target.put(Correction.TYPE_CODE, null);
            return;
        }
        if (code != null) {
            String written = code;
            DocumentTypes.Type byCode = DocumentTypes.byCode(written).orElseThrow(() -> new InvalidCorrectionException(
                    "Mã loại văn bản \"" + written + "\" không có trong danh mục của Thông tư 05/2025 (01 đến 32)."));
            code = byCode.code();
            if (name == null) {
                name = byCode.name();
            }
        } else {
            Optional<DocumentTypes.Type> byName = DocumentTypes.byName(name);
            code = byName.map(DocumentTypes.Type::code).orElse("32");
            name = byName.map(DocumentTypes.Type::name).orElse(name);
        }
        target.put(Correction.DOCUMENT_TYPE, name);
        target.put(Correction.TYPE_CODE, code);
    }

    private static String number(String value) {
        return value == null ? null : DocumentNumber.parse(value).map(DocumentNumber::toString).orElse(value);
    }

    private static String secrecy(String value) {
        if (value == null) {
            return null;
        }
        String mark = value.toUpperCase(Locale.ROOT);
        if (!SECRECY.contains(mark)) {
            throw new InvalidCorrectionException("Độ mật \"" + value + "\" không hợp lệ: chỉ nhận MẬT, TỐI MẬT, "
                    + "TUYỆT MẬT, hoặc để trống để bỏ độ mật.");
        }
        return mark;
    }

    private static String isoDate(String value) {
        if (value == null) {
            return null;
        }
        Matcher iso = ISO.matcher(value);
        Matcher dayFirst = DAY_FIRST.matcher(value);
        try {
            if (iso.matches()) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))).toString();
            }
            if (dayFirst.matches()) {
                return LocalDate.of(Integer.parseInt(dayFirst.group(3)), Integer.parseInt(dayFirst.group(2)),
                        Integer.parseInt(dayFirst.group(1))).toString();
            }
        } catch (DateTimeException noSuchDay) {
            throw new InvalidCorrectionException("Ngày \"" + value + "\" không có trong lịch.");
        }
        throw new InvalidCorrectionException("Ngày \"" + value + "\" không đúng dạng: hãy viết YYYY-MM-DD (2024-02-05) "
                + "hoặc dd/MM/yyyy (05/02/2024).");
    }

    /** NFC, spaces folded; blank is null (the field is cleared). */
    private static String cleaned(String value) {
        if (value == null) {
            return null;
        }
        String text = VietnameseText.nfc(value).replaceAll("\\s+", " ").strip();
        return text.isEmpty() ? null : text;
    }
}
