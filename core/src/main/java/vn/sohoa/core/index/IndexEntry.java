package vn.sohoa.core.index;

import static vn.sohoa.core.document.AdministrativeMetadata.valueOf;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import vn.sohoa.core.access.Clearance;
import vn.sohoa.core.document.AdministrativeMetadata;
import vn.sohoa.core.document.Correction;
import vn.sohoa.core.document.DocumentRecord;
import vn.sohoa.core.document.EffectiveMetadata;
import vn.sohoa.core.document.Source;
import vn.sohoa.core.text.VietnameseText;

/**
 * A document as the search index holds it. Text is kept two ways: {@code contentExact} with one tone
 * placement (ranks exact diacritics; the one stored copy, snippets are cut from it), and
 * {@code contentFolded} without diacritics (finds what was typed without them; its characters stand
 * where those of {@code contentExact} do). The text as written is the record's, in storage.
 * The fields searched and filtered on (number, type, issuer, signer, subject, date, dossier, title)
 * hold the {@link EffectiveMetadata effective} values, an archivist's correction first, then the manifest;
 * {@code metadata} and {@code manifest} keep those sides as they are, {@code corrections} the history of
 * changes by hand (oldest first) and {@code provenance} where each effective value comes from.
 * {@code accessLevel} is the {@link Clearance} a user needs to know of the document at all.
 */
public record IndexEntry(
        String id,
        String fileName,
        String fileNameFolded,
        String folder,
        List<String> folderTree,
        String fileCode,
        String contentType,
        String extraction,
        String language,
        String title,
        String titleExact,
        String titleFolded,
        String contentExact,
        String contentFolded,
        String documentNumber,
        String documentNumberKey,
        String documentType,
        String typeCode,
        String issuer,
        String signer,
        List<String> signerNameEndings,
        String partialSigner,
        String confidentiality,
        Integer accessLevel,
        String subject,
        String subjectExact,
        String subjectFolded,
        AdministrativeMetadata metadata,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> manifest,
        String manifestError,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Correction> corrections,
        Map<String, String> provenance,
        int pageCount,
        Double ocrConfidence,
        long size,
        Instant ingestedAt,
        Integer ingestYear,
        LocalDate issuedDate,
        Integer issueYear,
        int duplicates,
        List<Source> sources) {

    static final ZoneId ARCHIVE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public IndexEntry {
        manifest = manifest == null ? Map.of() : manifest;
        corrections = corrections == null ? List.of() : corrections;
        provenance = provenance == null ? Map.of() : provenance;
    }

    /** Whether a user with this clearance may know of the document; an entry indexed before levels existed may not. */
    public boolean visibleTo(Clearance clearance) {
        return accessLevel != null && accessLevel <= clearance.level();
    }

    /** @param corrections the document's corrections, oldest first; they win over its manifest and its reading */
    public static IndexEntry of(DocumentRecord record, List<Correction> corrections) {
        String text = record.fullText();
        AdministrativeMetadata metadata = record.metadata() != null ? record.metadata() : AdministrativeMetadata.empty();
        EffectiveMetadata effective = EffectiveMetadata.of(record, corrections);
        String title = effective.title();
        return new IndexEntry(
                record.id(),
                record.fileName(),
                VietnameseText.fold(record.fileName()),
                record.folder(),
                folderTree(record.folder()),
                effective.fileCode(),
                record.contentType(),
                record.extraction(),
                record.language(),
                title,
                VietnameseText.canonical(title),
                VietnameseText.fold(title),
                VietnameseText.canonical(text),
                VietnameseText.fold(text),
                effective.documentNumber(),
                numberKey(effective.documentNumber()),
                effective.documentType(),
                effective.typeCode(),
                effective.issuer(),
                effective.signer(),
                nameEndings(effective.signer()),
                effective.signer() == null ? valueOf(metadata.partialSigner()) : null,
                effective.confidentiality(),
                Clearance.ofMark(effective.confidentiality()).level(),
                effective.subject(),
                VietnameseText.canonical(effective.subject()),
                VietnameseText.fold(effective.subject()),
                metadata,
                record.manifest(),
                record.manifestError(),
                List.copyOf(corrections),
                effective.provenance(),
                record.pageCount(),
                record.ocrConfidence().isPresent() ? record.ocrConfidence().getAsDouble() : null,
                record.size(),
                record.ingestedAt(),
                record.ingestedAt().atZone(ARCHIVE_ZONE).getYear(),
                effective.issuedDate(),
                effective.issuedDate() == null ? null : effective.issuedDate().getYear(),
                record.sources().size() - 1,
                record.sources());
    }

    /** A document number as it is looked up: no diacritics, lower case ("59/KH-LDLD" finds "59/KH-LĐLĐ"). */
    public static String numberKey(String number) {
        return number == null ? null : VietnameseText.fold(number).toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", "");
    }

    /**
     * What is left to read of a whole name when a seal covers its start: the given names it ends with,
     * from two words on, and the end (two letters or more) of a word the seal cut, with the words
     * after it. "Lý Thu Phượng" gives "Thu Phượng" and "hu Phượng".
     */
    public static List<String> nameEndings(String name) {
        List<String> endings = new ArrayList<>();
        if (name == null) {
            return endings;
        }
        String[] words = name.strip().split("\\s+");
        for (int from = 1; from <= words.length - 2; from++) {
            endings.add(String.join(" ", Arrays.asList(words).subList(from, words.length)));
        }
        for (int cut = 0; cut <= words.length - 2; cut++) {
            String rest = String.join(" ", Arrays.asList(words).subList(cut + 1, words.length));
            int letters = words[cut].codePointCount(0, words[cut].length());
            for (int hidden = 1; hidden <= letters - 2; hidden++) {
                endings.add(words[cut].substring(words[cut].offsetByCodePoints(0, hidden)) + " " + rest);
            }
        }
        return endings;
    }

    /** "a/b/c" gives ["a", "a/b", "a/b/c"], so that filtering on a folder finds its subfolders too. */
    static List<String> folderTree(String folder) {
        List<String> tree = new ArrayList<>();
        if (folder == null || folder.isEmpty()) {
            return tree;
        }
        String[] parts = folder.split("/");
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (!path.isEmpty()) {
                path.append('/');
            }
            path.append(part);
            tree.add(path.toString());
        }
        return tree;
    }
}
