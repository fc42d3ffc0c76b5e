package vn.sohoa.api.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.LongTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.sohoa.core.access.Clearance;
import vn.sohoa.core.index.DocumentIndex;
import vn.sohoa.core.index.IndexEntry;
import vn.sohoa.core.index.IndexException;
import vn.sohoa.core.text.VietnameseText;

/**
 * Vietnamese-aware full-text search. Every word must be found without regard to diacritics
 * ({@code contentFolded}); a document that has the typed words side by side, in the typed order,
 * scores more for each such pair (word pairs are indexed: no word positions are read to score), and
 * more again where the pair has the typed diacritics, so exact matches come first (a single word:
 * where the word has them). Quoted phrases must match as phrases. A query that is a document number
 * finds the document with that number, then those citing it. Snippets are cut from the text with its
 * diacritics, the matched words marked; hits carry no whole text. The hits of a page and the total
 * with the facets are asked side by side, so that Elasticsearch scores only what can reach the page
 * (a document number, matching a few records, asks both in one request).
 */
public class ArchiveSearch {

    private static final Map<String, String> FACETS = Map.of("contentType", "contentType", "year", "issueYear",
            "ingestYear", "ingestYear", "folder", "folder", "fileCode", "fileCode", "type", "documentType", "issuer",
            "issuer", "signer", "signer", "confidentiality", "confidentiality");
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("^(?:so\\s*:?\\s*)?(\\d{1,5}[a-z]?)(?:\\s*/\\s*([\\p{L}\\d-]*))?$");
    /** Where the standard tokenizer always splits words: "so 06/kh-ldld" is four; "1.000.000" and "a:b" are one. */
    private static final Pattern WORD_BREAKS = Pattern.compile("[\\s/-]+");
    private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");
    private static final int SNIPPET_CHARS = 180;
    /** Elasticsearch's {@code index.max_result_window}: hits beyond it cannot be paged to. */
    private static final int MAX_WINDOW = 10_000;
    private static final int SNIPPETS = 3;
    /** How many of the first hits lend their diacritics to a query typed without them. */
    private static final int RESTORE_FROM_HITS = 5;
    /** Up to three words must all be found; of longer queries, four in five (OCR misreads some words). */
    private static final String MOST_WORDS = "3<80%";

    private final DocumentIndex index;

    public ArchiveSearch(DocumentIndex index) {
        this.index = index;
    }

    /** Searches the documents a user with this clearance may know of: the others count nowhere, not even in totals and facets. */
    public SearchResult search(SearchRequest request, Clearance clearance) throws BadQueryException, IndexException {
        ParsedQuery typed = ParsedQuery.parse(request.query());
        if ((request.page() + 1) * request.size() > MAX_WINDOW) {
            throw new BadQueryException("Chỉ xem được " + MAX_WINDOW + " kết quả đầu tiên: hãy thu hẹp tìm kiếm bằng từ "
                    + "khóa hoặc bộ lọc (loại, năm, cơ quan ban hành...).");
        }
        boolean number = documentNumberQuery(VietnameseText.fold(typed.words())).isPresent();
        boolean diacriticsCount = !typed.isEmpty() && !VietnameseText.hasDiacritics(typed.allText()) && !number;
        // A document number finds a few records: the request finding them counts them. Other queries are counted
        // beside it, and need not wait for diacritics restored: these change the order only, not what matches.
        Query typedQuery = textQuery(typed);
        CompletableFuture<SearchResponse<Void>> counted = number ? null : counts(typedQuery, request, clearance);
        long[] took = new long[1];
        ParsedQuery ranking = diacriticsCount ? withDiacritics(typed, request, clearance, took) : typed;
        Query rankingQuery = ranking == typed ? typedQuery : textQuery(ranking);
        SearchResponse<IndexEntry> response = await(hits(rankingQuery, ranking, request, clearance,
                request.page() * request.size(), request.size(), request.sort(), number));
        SearchResponse<?> counts = number ? response : await(counted);
        // Elasticsearch's time is the longer of the two ways (a number's one way).
        took[0] = Math.max(took[0] + response.took(), counts.took());
        List<SearchResult.Hit> hits = new ArrayList<>();
        List<String> typedWords = words(typed);
        for (Hit<IndexEntry> hit : response.hits().hits()) {
            hits.add(toHit(hit, typedWords));
        }
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        for (String name : List.of("contentType", "year", "ingestYear", "folder", "fileCode", "type", "issuer", "signer",
                "confidentiality")) {
            facets.put(name, facet(counts.aggregations().get(name)));
        }
        return new SearchResult(counts.hits().total().value(), request.page(), request.size(), took[0], hits, facets);
    }

    /**
     * A query typed without diacritics, given the diacritics its words most often carry in the
     * documents it finds ({@code phat trien doan vien} is read as {@code phát triển đoàn viên}), so
     * that it ranks the way the same query typed with them would. Every form still matches.
     */
    private ParsedQuery withDiacritics(ParsedQuery typed, SearchRequest request, Clearance clearance, long[] took)
            throws IndexException {
        SearchResponse<IndexEntry> probe = await(hits(probeQuery(typed), typed, request, clearance, 0, RESTORE_FROM_HITS,
                SearchRequest.Sort.RELEVANCE, false));
        took[0] += probe.took();
        Map<String, Map<String, Integer>> forms = new LinkedHashMap<>();
        List<String> typedWords = words(typed);
        for (Hit<IndexEntry> hit : probe.hits().hits()) {
            for (String snippet : toHit(hit, typedWords).snippets()) {
                for (String word : Snippets.markedWords(snippet)) {
                    String lower = word.toLowerCase(java.util.Locale.ROOT);
                    forms.computeIfAbsent(VietnameseText.fold(lower), k -> new LinkedHashMap<>()).merge(lower, 1, Integer::sum);
                }
            }
        }
        java.util.function.UnaryOperator<String> restore = text -> {
            StringBuilder out = new StringBuilder();
            for (String word : text.split(" ")) {
                Map<String, Integer> seen = forms.get(VietnameseText.fold(word.toLowerCase(java.util.Locale.ROOT)));
                String best = seen == null ? word : seen.entrySet().stream().max(Map.Entry.comparingByValue())
                        .map(Map.Entry::getKey).orElse(word);
                out.append(out.isEmpty() ? "" : " ").append(best);
            }
            return out.toString();
        };
        return new ParsedQuery(restore.apply(typed.words()), typed.phrases().stream().map(restore).toList());
    }

    /**
     * The documents that lend their diacritics: of several words, those holding them side by side (a
     * word's diacritics depend on its neighbours: "chi bộ", "chỉ đạo"), found from the indexed word
     * pairs alone, so that Elasticsearch skips what cannot rank instead of scoring every document
     * holding the words; a single word or phrases alone, as the search itself finds them.
     */
    private static Query probeQuery(ParsedQuery typed) {
        String folded = VietnameseText.fold(typed.words());
        if (!severalWords(folded)) {
            return textQuery(typed);
        }
        return Query.of(q -> q.match(m -> m.field("contentFolded.pairs").query(folded)));
    }

    /**
     * The hits of one page, best first, with their snippets. Without the total and the facets,
     * Elasticsearch skips the documents that cannot reach the page instead of scoring every match.
     *
     * @param query what is searched; {@code typed} marks the snippets
     * @param counted whether the total and the facets are counted too (a query matching few records)
     */
    private CompletableFuture<SearchResponse<IndexEntry>> hits(Query query, ParsedQuery typed, SearchRequest request,
                                                               Clearance clearance, int from, int size,
                                                               SearchRequest.Sort sort, boolean counted) {
        return index.asyncClient().search(s -> {
            s.index(index.alias())
                    .from(from)
                    .size(size)
                    .trackTotalHits(t -> t.enabled(counted))
                    .query(visible(query, request, clearance))
                    .source(src -> src.filter(f -> f.excludes("sources", "metadata", "manifest",
                            "corrections", "provenance")))
                    .highlight(h -> h
                            .preTags(Snippets.MARK_START)
                            .postTags(Snippets.MARK_END)
                            // Cut from the text with its diacritics, marked where the folded text matched (same positions).
                            .fields("contentExact", f -> f
                                    .matchedFields("contentExact", "contentFolded")
                                    .fragmentSize(SNIPPET_CHARS)
                                    .numberOfFragments(SNIPPETS)
                                    .noMatchSize(SNIPPET_CHARS)
                                    .highlightQuery(highlightQuery(typed))));
            if (sort == SearchRequest.Sort.DATE) {
                s.sort(o -> o.field(f -> f.field("issuedDate").order(SortOrder.Desc).missing("_last")));
                s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
            }
            if (typed.isEmpty()) {
                s.sort(o -> o.field(f -> f.field("ingestedAt").order(SortOrder.Desc)));
            }
            if (counted) {
                facets(s);
            }
            return s;
        }, IndexEntry.class);
    }

    /** The exact total and the facets of every match, counted without scoring any. */
    private CompletableFuture<SearchResponse<Void>> counts(Query query, SearchRequest request, Clearance clearance) {
        return index.asyncClient().search(s -> {
            s.index(index.alias())
                    .size(0)
                    .trackTotalHits(t -> t.enabled(true))
                    .query(q -> q.constantScore(c -> c.filter(visible(query, request, clearance))));
            facets(s);
            return s;
        }, Void.class);
    }

    private static void facets(co.elastic.clients.elasticsearch.core.SearchRequest.Builder search) {
        FACETS.forEach((name, field) -> search.aggregations(name, a -> a.terms(t -> t.field(field).size(50))));
    }

    private static Query visible(Query query, SearchRequest request, Clearance clearance) {
        return Query.of(q -> q.bool(b -> b.must(query).filter(filters(request)).filter(DocumentIndex.visibleTo(clearance))));
    }

    private static <T> T await(CompletableFuture<T> response) throws IndexException {
        try {
            return response.join();
        } catch (CompletionException e) {
            throw new IndexException("Search failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static List<String> words(ParsedQuery query) {
        return Snippets.words(query.allText());
    }

    private static Query textQuery(ParsedQuery query) {
        if (query.isEmpty()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (!query.words().isEmpty()) {
            String folded = VietnameseText.fold(query.words());
            java.util.Optional<Query> number = documentNumberQuery(folded);
            if (number.isPresent()) {
                // The document with that number, and those citing it: not every record holding its digits somewhere.
                bool.must(q -> q.bool(b -> b.should(number.get()).should(citing(folded)).minimumShouldMatch("1")));
                return withPhrases(bool, query);
            }
            List<Query> forms = new ArrayList<>();
            for (String variant : UnionAbbreviations.variants(folded)) {
                forms.add(Query.of(q -> q.multiMatch(m -> m.query(variant)
                        .fields("contentFolded", "subjectFolded^3", "titleFolded^2", "fileNameFolded^2")
                        .type(TextQueryType.CrossFields)
                        .minimumShouldMatch(MOST_WORDS))));
            }
            // The forms of one query are alternatives: the best one scores, they do not add up.
            bool.must(q -> q.disMax(d -> d.queries(forms)));
            bool.should(q -> q.match(m -> m.field("contentFolded.pairs").query(folded).boost(2f)));
            if (VietnameseText.hasDiacritics(query.words())) {
                // Of several words, their pairs with diacritics say it: the words one by one would score again
                // what the folded words scored, on nearly every record.
                String exact = VietnameseText.canonical(query.words());
                boolean pairs = severalWords(exact);
                bool.should(q -> q.match(m -> m.field(pairs ? "contentExact.pairs" : "contentExact").query(exact)
                        .boost(pairs ? 3f : 1.5f)));
            }
        }
        return withPhrases(bool, query);
    }

    /** Quoted phrases must match as phrases; typed with diacritics, those found with them come first. */
    private static Query withPhrases(BoolQuery.Builder bool, ParsedQuery query) {
        for (String phrase : query.phrases()) {
            bool.must(phraseQuery(VietnameseText.fold(phrase)));
            if (VietnameseText.hasDiacritics(phrase)) {
                bool.should(q -> q.match(m -> m.field("contentExact.pairs").query(VietnameseText.canonical(phrase))
                        .boost(3f)));
            }
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    /**
     * A phrase of two words or more is its word pairs one after the other: the pairs are indexed, so
     * only the records holding its rarer pairs are read for positions, not every record holding
     * "công" and "đoàn" (or "06" and "ldld"). A single word is matched on the words themselves: it has
     * no pair. Words are counted where the index surely splits them ({@link #WORD_BREAKS}), not as
     * {@link Snippets#words} splits them: "1.000.000" is one token in the index, so it has no pair.
     */
    private static Query phraseQuery(String foldedPhrase) {
        long words = WORD_BREAKS.splitAsStream(foldedPhrase).filter(w -> LETTER_OR_DIGIT.matcher(w).find()).count();
        String field = words >= 2 ? "contentFolded.pairs" : "contentFolded";
        return Query.of(q -> q.matchPhrase(m -> m.field(field).query(foldedPhrase)));
    }

    /** A document number as it stands in a text citing it ("Kế hoạch số 06/KH-LĐLĐ"), or in a title. */
    private static Query citing(String foldedNumber) {
        return Query.of(q -> q.disMax(d -> d
                .queries(phraseQuery(foldedNumber))
                .queries(c -> c.multiMatch(m -> m.query(foldedNumber)
                        .fields("subjectFolded^3", "titleFolded^2", "fileNameFolded^2")
                        .type(TextQueryType.Phrase)))));
    }

    /** Whether the words make a pair to score or probe on: pairs are indexed across a space. */
    private static boolean severalWords(String words) {
        return words.strip().contains(" ");
    }

    /**
     * A query that is a document number ({@code 06/CTr-LĐLĐ}, {@code 06/CTr}, {@code số 06}) puts the
     * document with that number first.
     */
    private static java.util.Optional<Query> documentNumberQuery(String foldedWords) {
        Matcher m = DOCUMENT_NUMBER.matcher(foldedWords.toLowerCase(java.util.Locale.ROOT).strip());
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        String number = m.group(1).replaceFirst("^0+(?=\\d)", "");
        String notation = m.group(2) == null ? "" : m.group(2);
        List<Query> forms = new ArrayList<>();
        for (String digits : new java.util.LinkedHashSet<>(List.of(number, number.length() == 1 ? "0" + number : number))) {
            String key = digits + "/" + notation;
            forms.add(notation.contains("-") ? Query.of(q -> q.term(t -> t.field("documentNumberKey").value(key).boost(50f)))
                    : Query.of(q -> q.prefix(p -> p.field("documentNumberKey").value(key).boost(50f))));
        }
        return java.util.Optional.of(Query.of(q -> q.bool(b -> b.should(forms))));
    }

    private static Query highlightQuery(ParsedQuery query) {
        if (query.isEmpty()) {
            return Query.of(q -> q.matchNone(m -> m));
        }
        BoolQuery.Builder bool = new BoolQuery.Builder();
        String folded = VietnameseText.fold(query.words());
        if (documentNumberQuery(folded).isPresent()) {
            // The number where it stands, not each of its digits and letters wherever they are.
            bool.should(q -> q.matchPhrase(m -> m.field("contentFolded").query(folded)));
        } else if (!query.words().isEmpty()) {
            bool.should(q -> q.match(m -> m.field("contentFolded").query(folded)));
        }
        for (String phrase : query.phrases()) {
            bool.should(q -> q.matchPhrase(m -> m.field("contentFolded").query(VietnameseText.fold(phrase))));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    private static List<Query> filters(SearchRequest request) {
        List<Query> filters = new ArrayList<>();
        if (request.contentType() != null) {
            filters.add(term("contentType", FieldValue.of(request.contentType())));
        }
        if (request.year() != null) {
            filters.add(term("issueYear", FieldValue.of(request.year())));
        }
        if (request.ingestYear() != null) {
            filters.add(term("ingestYear", FieldValue.of(request.ingestYear())));
        }
        if (request.type() != null) {
            filters.add(term("documentType", FieldValue.of(VietnameseText.nfc(request.type()))));
        }
        if (request.issuer() != null) {
            filters.add(term("issuer", FieldValue.of(VietnameseText.nfc(request.issuer()))));
        }
        if (request.signer() != null) {
            filters.add(term("signer", FieldValue.of(VietnameseText.nfc(request.signer()))));
        }
        if (request.confidentiality() != null) {
            filters.add(term("confidentiality", FieldValue.of(VietnameseText.nfc(request.confidentiality()))));
        }
        if (request.from() != null || request.to() != null) {
            filters.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("issuedDate");
                if (request.from() != null) {
                    d.gte(request.from().toString());
                }
                if (request.to() != null) {
                    d.lte(request.to().toString());
                }
                return d;
            }))));
        }
        if (request.folder() != null) {
            filters.add(term("folderTree", FieldValue.of(VietnameseText.nfc(request.folder()))));
        }
        if (request.fileCode() != null) {
            filters.add(term("fileCode", FieldValue.of(VietnameseText.nfc(request.fileCode()))));
        }
        return filters;
    }

    private static Query term(String field, FieldValue value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static SearchResult.Hit toHit(Hit<IndexEntry> hit, List<String> queryWords) {
        IndexEntry doc = hit.source();
        List<String> snippets = new ArrayList<>();
        for (String fragment : hit.highlight().getOrDefault("contentExact", List.of())) {
            snippets.add(Snippets.keepExactMarks(Snippets.escaped(fragment), queryWords));
        }
        String title = doc.title() != null ? doc.title() : doc.fileName();
        return new SearchResult.Hit(doc.id(), doc.fileName(), title, doc.folder(), doc.contentType(),
                doc.documentNumber(), doc.documentType(), doc.issuer(), doc.signer(),
                doc.issuedDate(), doc.ingestedAt(), doc.pageCount(), snippets,
                hit.score() == null ? 0 : hit.score(), doc.subject(), doc.fileCode(), doc.confidentiality());
    }

    private static List<SearchResult.FacetValue> facet(Aggregate aggregation) {
        List<SearchResult.FacetValue> values = new ArrayList<>();
        if (aggregation == null) {
            return values;
        }
        if (aggregation.isSterms()) {
            for (StringTermsBucket b : aggregation.sterms().buckets().array()) {
                values.add(new SearchResult.FacetValue(b.key().stringValue(), b.docCount()));
            }
        } else if (aggregation.isLterms()) {
            for (LongTermsBucket b : aggregation.lterms().buckets().array()) {
                values.add(new SearchResult.FacetValue(String.valueOf(b.key()), b.docCount()));
            }
        }
        return values;
    }
}
