package vn.sohoa.app.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.storage.Checksums;
import vn.sohoa.core.text.TextMetrics;
import vn.sohoa.core.text.VietnameseText;

/**
 * How well an archive read a corpus with a {@code truth.jsonl} (and searches it with the cases of its
 * {@code queries.jsonl}): character error rate per document and pooled, accuracy of each metadata
 * field, and MRR@10 and recall@10 of the search cases. Asks a running sohoa over HTTP; the corpus must
 * have been archived into {@code folder}.
 */
public final class CorpusEvaluation {

    /** Our field name and the truth's, for each metadata field measured. */
    public static final Map<String, String> FIELDS = ordered(
            "documentNumber", "so_ky_hieu", "documentType", "loai_van_ban", "issuedDate", "ngay_ban_hanh",
            "place", "dia_danh", "issuer", "co_quan_ban_hanh", "parentOrg", "co_quan_chu_quan", "subject", "trich_yeu",
            "signer", "nguoi_ky", "signerTitle", "chuc_vu_ky", "signingAuthority", "tham_quyen_ky",
            "confidentiality", "do_mat", "urgency", "do_khan");

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String token;
    private final String baseUrl;
    private final Path corpus;
    private final String folder;

    public CorpusEvaluation(String baseUrl, String token, Path corpus, String folder) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.corpus = corpus;
        this.folder = folder;
    }

    /** The figures, and what each document and search case scored. */
    public record Report(double pooledCer, Map<String, Double> cerByFile, Map<String, Double> fieldAccuracy,
                         List<String> invented, List<String> misses, double mrrAt10, double recallAt10, Map<String, Integer> rankByQuery,
                         List<String> accentMismatches) {

        public String text() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "Character error rate, pooled: %.2f %%%n", pooledCer * 100));
            cerByFile.forEach((file, cer) -> out.append(String.format(Locale.ROOT, "  %6.2f %%  %s%n", cer * 100, file)));
            out.append("Metadata accuracy (exact after whitespace folding):\n");
            fieldAccuracy.forEach((field, accuracy) -> out.append(String.format(Locale.ROOT, "  %6.1f %%  %s%n",
                    accuracy * 100, field)));
            out.append("Fields read where the truth has none: ").append(invented.isEmpty() ? "none" : invented).append('\n');
            out.append("Fields read wrong or missed:").append(misses.isEmpty() ? " none" : "").append('\n');
            misses.forEach(miss -> out.append("  ").append(miss).append('\n'));
            out.append(String.format(Locale.ROOT, "Search: MRR@10 %.3f, recall@10 %.3f over %d cases%n", mrrAt10,
                    recallAt10, rankByQuery.size()));
            rankByQuery.forEach((query, rank) -> out.append(String.format(Locale.ROOT, "  rank %s  %s%n",
                    rank == 0 ? "-" : rank.toString(), query)));
            out.append("Unaccented queries ranking another first document: ")
                    .append(accentMismatches.isEmpty() ? "none" : accentMismatches).append('\n');
            return out.toString();
        }
    }

    public Report run() throws IOException, InterruptedException {
        Map<String, JsonNode> truth = new LinkedHashMap<>();
        Map<String, String> ids = new LinkedHashMap<>();
        for (String line : Files.readAllLines(corpus.resolve("truth.jsonl"))) {
            JsonNode doc = Json.MAPPER.readTree(line);
            truth.put(doc.path("file").asText(), doc);
            ids.put(doc.path("file").asText(), Checksums.sha256(Files.readAllBytes(corpus.resolve(doc.path("file").asText()))));
        }

        long errors = 0;
        long length = 0;
        Map<String, Double> cerByFile = new LinkedHashMap<>();
        Map<String, Integer> right = new LinkedHashMap<>();
        List<String> invented = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        for (Map.Entry<String, JsonNode> doc : truth.entrySet()) {
            String id = ids.get(doc.getKey());
            StringBuilder read = new StringBuilder();
            get("/api/documents/" + id + "/text").path("pages").forEach(p -> read.append(p.path("text").asText()).append('\n'));
            String reference = doc.getValue().path("full_text").asText();
            int distance = TextMetrics.distance(reference, read.toString());
            int refLength = TextMetrics.normalise(reference).length();
            cerByFile.put(doc.getKey(), (double) distance / refLength);
            errors += distance;
            length += refLength;

            JsonNode metadata = get("/api/documents/" + id).path("metadata");
            for (Map.Entry<String, String> field : FIELDS.entrySet()) {
                String want = comparable(doc.getValue().path("metadata").path(field.getValue()));
                String got = comparable(metadata.path(field.getKey()).path("value"));
                if (Objects.equals(want, got)) {
                    right.merge(field.getKey(), 1, Integer::sum);
                } else {
                    right.merge(field.getKey(), 0, Integer::sum);
                    if (want == null) {
                        invented.add(field.getKey() + " of " + doc.getKey());
                    } else {
                        misses.add(String.format("%s of %s: %s, read %s", field.getKey(), doc.getKey(), want,
                                got == null ? "nothing" : got));
                    }
                }
            }
        }
        Map<String, Double> accuracy = new LinkedHashMap<>();
        right.forEach((field, count) -> accuracy.put(field, (double) count / truth.size()));

        double reciprocal = 0;
        double recall = 0;
        Map<String, Integer> ranks = new LinkedHashMap<>();
        Map<String, String> firstById = new LinkedHashMap<>();
        List<JsonNode> queries = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("queries.jsonl"))) {
            queries.add(Json.MAPPER.readTree(line));
        }
        for (JsonNode query : queries) {
            List<String> hits = hits(query);
            List<String> relevant = new ArrayList<>();
            query.path("relevant").forEach(r -> relevant.add(r.asText()));
            int rank = 0;
            int found = 0;
            for (int i = 0; i < Math.min(10, hits.size()); i++) {
                if (relevant.contains(hits.get(i))) {
                    rank = rank == 0 ? i + 1 : rank;
                    found++;
                }
            }
            reciprocal += rank == 0 ? 0 : 1.0 / rank;
            recall += relevant.isEmpty() ? 1 : (double) found / relevant.size();
            ranks.put(query.path("id").asText() + " " + query.path("query").asText() + filters(query), rank);
            firstById.put(id(query), hits.isEmpty() ? null : hits.get(0));
        }
        List<String> mismatches = new ArrayList<>();
        for (JsonNode unaccented : queries) {
            if (!unaccented.path("kind").asText().endsWith("_unaccented")) {
                continue;
            }
            for (JsonNode accented : queries) {
                if (accented != unaccented && !accented.path("kind").asText().endsWith("_unaccented")
                        && key(accented).equals(key(unaccented))
                        && !Objects.equals(firstById.get(id(accented)), firstById.get(id(unaccented)))) {
                    mismatches.add(id(unaccented) + " vs " + id(accented));
                }
            }
        }
        return new Report((double) errors / length, cerByFile, accuracy, invented, misses, reciprocal / queries.size(),
                recall / queries.size(), ranks, mismatches);
    }

    private List<String> hits(JsonNode query) throws IOException, InterruptedException {
        JsonNode filters = query.path("filters");
        StringBuilder params = new StringBuilder("&folder=" + encode(folder));
        if (filters.has("nam")) {
            params.append("&year=").append(filters.path("nam").asInt());
        }
        if (filters.has("loai_van_ban")) {
            params.append("&type=").append(encode(filters.path("loai_van_ban").asText()));
        }
        JsonNode result = get("/api/search?size=10&q=" + encode(query.path("query").asText()) + params);
        List<String> names = new ArrayList<>();
        result.path("hits").forEach(h -> names.add(h.path("fileName").asText()));
        return names;
    }

    private static String id(JsonNode query) {
        return query.path("id").asText();
    }

    /** The same query typed with or without diacritics, with the same filters. */
    private static String key(JsonNode query) {
        return VietnameseText.fold(query.path("query").asText()).toLowerCase(Locale.ROOT).strip() + filters(query);
    }

    private static String filters(JsonNode query) {
        return query.path("filters").isEmpty() ? "" : " " + query.path("filters");
    }

    private static String comparable(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        return TextMetrics.normalise(value.asText()).toLowerCase(Locale.ROOT);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return Json.MAPPER.readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
