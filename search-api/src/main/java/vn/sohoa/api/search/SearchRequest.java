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
 */
public record SearchRequest(String query, int page, int size, String contentType, Integer year, Integer ingestYear,
                            String folder, String fileCode, String type, String issuer, String signer, LocalDate from,
                            LocalDate to, String confidentiality) {

    public static final int MAX_SIZE = 100;
}
