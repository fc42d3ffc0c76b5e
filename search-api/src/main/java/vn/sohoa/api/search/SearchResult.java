package vn.sohoa.api.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One page of hits, the total, and the counts per filter value over all hits.
 *
 * @param took the milliseconds Elasticsearch says it took, over every query the search made
 */
public record SearchResult(long total, int page, int size, long took, List<Hit> hits,
                           Map<String, List<FacetValue>> facets) {

    public record Hit(String id, String fileName, String title, String folder, String contentType,
                      String documentNumber, String documentType, String issuer, String signer, LocalDate issuedDate, Instant ingestedAt, int pageCount, List<String> snippets, double score,
                      String subject, String fileCode, String confidentiality) {
    }

    public record FacetValue(String value, long count) {
    }
}
