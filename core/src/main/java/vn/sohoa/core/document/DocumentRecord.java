package vn.sohoa.core.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Everything sohoa knows about one archived document. Stored as JSON in the derivatives bucket
 * (the truth the index is rebuilt from) and projected into the search index.
 *
 * @param id          lowercase hex SHA-256 of the original bytes
 * @param folder      the archivist's dossier: the folder, relative to the watched folder, the file came from
 * @param extraction  how the text was obtained: "text" (born-digital), "ocr" (scanned) or "mixed"
 * @param properties  document properties read by Tika (author, created, ...)
 * @param sources     every file that brought these bytes; the first one archived them, the others are duplicates
 * @param metadata    what was read off the document as an administrative record
 * @param manifest    what the archivist's manifest of the folder ({@code metadata.csv}/{@code .xlsx}) says about
 *                    this file, by {@link ManifestKeys}; it wins over {@code metadata} (see {@link EffectiveMetadata}),
 *                    which is kept as read. Empty when there is none, and in records stored before manifests existed
 * @param manifestError why the folder's manifest could not be read, in Vietnamese; null when it could
 */
public record DocumentRecord(
        String id,
        String fileName,
        String folder,
        String contentType,
        long size,
        Instant ingestedAt,
        String extraction,
        String language,
        String title,
        LocalDate issuedDate,
        Map<String, String> properties,
        List<Page> pages,
        List<Source> sources,
        AdministrativeMetadata metadata,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> manifest,
        String manifestError) {

    public DocumentRecord {
        manifest = manifest == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(manifest));
    }

    public int pageCount() {
        return pages.size();
    }

    /** Mean OCR confidence (0-100) over the OCRed pages, or empty when no page was OCRed. */
    public OptionalDouble ocrConfidence() {
        return pages.stream().filter(p -> p.confidence() != null).mapToDouble(Page::confidence).average();
    }

    /** Whether a page was OCRed: such a document was scanned, and has a two-layer PDF/A copy. */
    public boolean hasOcrPage() {
        return pages.stream().anyMatch(p -> Page.OCR.equals(p.method()));
    }

    public String fullText() {
        StringBuilder text = new StringBuilder();
        for (Page page : pages) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(page.text());
        }
        return text.toString();
    }

    public boolean hasSource(Source source) {
        return sources.stream().anyMatch(s -> s.sameFileAs(source));
    }

    public DocumentRecord withSource(Source source) {
        List<Source> more = new ArrayList<>(sources);
        more.add(source);
        return new DocumentRecord(id, fileName, folder, contentType, size, ingestedAt, extraction, language, title,
                issuedDate, properties, pages, List.copyOf(more), metadata, manifest, manifestError);
    }

    /** The same document with other administrative metadata. */
    public DocumentRecord withMetadata(AdministrativeMetadata other) {
        return new DocumentRecord(id, fileName, folder, contentType, size, ingestedAt, extraction, language, title,
                issuedDate, properties, pages, sources, other, manifest, manifestError);
    }

    /** The same document with what its folder's manifest now says about it (values, or why it could not be read). */
    public DocumentRecord withManifest(Map<String, String> values, String error) {
        return new DocumentRecord(id, fileName, folder, contentType, size, ingestedAt, extraction, language, title,
                issuedDate, properties, pages, sources, metadata, values, error);
    }
}
