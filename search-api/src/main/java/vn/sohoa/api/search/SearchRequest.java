package vn.sohoa.api.search;

import java.time.LocalDate;

/**
 * A search as the API receives it. Filters are optional (null when absent).
 *
 * @param year       year the document was issued
 * @param ingestYear year the document entered the archive
 * @param folder     the dossier; its subfolders are included
 * @param fileCode   Mã hồ sơ: the manifest's, or the folder where there is none (subfolders not included)
 * @param type       document type name, e.g. {@code Kế hoạch}
 * @param from       issued on or after this day
 * @param to         issued on or before this day
 * @param confidentiality the secrecy mark: {@code MẬT}, {@code TỐI MẬT} or {@code TUYỆT MẬT}
 * @param sort       the order of the hits
 */
public record SearchRequest(String query, int page, int size, String contentType, Integer year, Integer ingestYear,
                            String folder, String fileCode, String type, String issuer, String signer, LocalDate from,
                            LocalDate to, String confidentiality, Sort sort) {

    public static final int MAX_SIZE = 100;

    /** How hits are ordered. */
    public enum Sort {
        /** The best match first (without words: the latest archived first). */
        RELEVANCE,
        /** The latest issued first, documents without a date last; the better match first within a day. */
        DATE;

        /** {@code relevance} or {@code date}, in any case; null or blank is relevance. */
        public static Sort of(String written) throws BadQueryException {
            if (written == null || written.isBlank()) {
                return RELEVANCE;
            }
            for (Sort sort : values()) {
                if (sort.name().equalsIgnoreCase(written.strip())) {
                    return sort;
                }
            }
            throw new BadQueryException("Tham số sort chỉ nhận relevance (phù hợp nhất trước) hoặc date (mới ban hành "
                    + "trước), không phải \"" + written + "\".");
        }
    }

    public SearchRequest {
        sort = sort == null ? Sort.RELEVANCE : sort;
    }

    /** By relevance. */
    public SearchRequest(String query, int page, int size, String contentType, Integer year, Integer ingestYear,
                         String folder, String fileCode, String type, String issuer, String signer, LocalDate from,
                         LocalDate to, String confidentiality) {
        this(query, page, size, contentType, year, ingestYear, folder, fileCode, type, issuer, signer, from, to,
                confidentiality, Sort.RELEVANCE);
    }
}
