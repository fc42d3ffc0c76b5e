package vn.sohoa.app.eval;

import com.fasterxml.jackson.core.type.TypeReference;
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
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import vn.sohoa.core.document.AdministrativeMetadata;
import vn.sohoa.core.document.AdministrativeMetadata.Field;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.document.Page;
import vn.sohoa.core.index.IndexEntry;
import vn.sohoa.core.storage.Checksums;
import vn.sohoa.core.text.TextMetrics;
import vn.sohoa.core.text.VietnameseText;
import vn.sohoa.pipeline.metadata.AdministrativeReader;

/**
 * How well an archive read a corpus with a {@code truth.jsonl} (and searches it with the cases of its
 * {@code queries.jsonl}): character error rate per document and pooled, accuracy of each metadata
 * field and how many of its readings were sure (confidence at least {@link #SURE}) and right, and
 * MRR@10 and recall@10 of the search cases. Asks a running sohoa over HTTP; the corpus must have been
 * archived into {@code folder}. {@link #reread} measures the metadata again from pages kept by an
 * earlier run, read by the reader as it is now, without OCR.
 */
public final class CorpusEvaluation {

    /** Our field name and the truth's, for each metadata field measured. */
    public static final Map<String, String> FIELDS = ordered(
            "documentNumber", "so_ky_hieu", "documentType", "loai_van_ban", "issuedDate", "ngay_ban_hanh",
            "place", "dia_danh", "issuer", "co_quan_ban_hanh", "parentOrg", "co_quan_chu_quan", "subject", "trich_yeu",
            "signer", "nguoi_ky", "signerTitle", "chuc_vu_ky", "signingAuthority", "tham_quyen_ky",
            "confidentiality", "do_mat", "urgency", "do_khan");

    /** A field read at this confidence or more is shown as sure; below it, flagged to the archivists. */
    public static final double SURE = 0.9;

    /** The accuracy each field must reach; {@link #SURE_SHARE} of them read sure, {@link #SURE_RIGHT} of those right. */
    public static final Map<String, Double> TARGETS = Map.of("documentNumber", 0.97, "documentType", 0.97,
            "issuedDate", 0.97, "issuer", 0.95, "subject", 0.95, "signer", 0.95);
    public static final double SURE_SHARE = 0.8;
    public static final double SURE_RIGHT = 0.98;

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String token;
    private final String baseUrl;
    private final Path corpus;
    private final String folder;

    private final Path keepPages;

    public CorpusEvaluation(String baseUrl, String token, Path corpus, String folder) {
        this(baseUrl, token, corpus, folder, null);
    }

    /** @param keepPages where each document's pages are written as {@code FILE.pages.json}, or null */
    public CorpusEvaluation(String baseUrl, String token, Path corpus, String folder, Path keepPages) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.corpus = corpus;
        this.folder = folder;
        this.keepPages = keepPages;
    }

    /** How many documents have the field read at {@link #SURE} or more, and how many of those are right. */
    public record Sure(int read, int right, int documents) {

        public double share() {
            return documents == 0 ? 0 : (double) read / documents;
        }

        public double rightShare() {
            return read == 0 ? 1 : (double) right / read;
        }

        Sure plus(Sure other) {
            return new Sure(read + other.read, right + other.right, documents + other.documents);
        }
    }

    /** The figures, and what each document and search case scored. */
    public record Report(double pooledCer, Map<String, Double> cerByFile, Map<String, Double> fieldAccuracy,
                         Map<String, Sure> sure, List<String> invented, List<String> misses, List<String> unsure,
                         double mrrAt10, double recallAt10, Map<String, Integer> rankByQuery, List<String> accentMismatches) {

        /** The fields with targets taken together. */
        public Sure sureOfTargets() {
            return TARGETS.keySet().stream().map(sure::get).reduce(new Sure(0, 0, 0), Sure::plus);
        }

        /** Every target met: each field's accuracy, the share read sure and the share of those right, no secrecy invented. */
        public boolean targetsMet() {
            return TARGETS.entrySet().stream().allMatch(t -> fieldAccuracy.get(t.getKey()) >= t.getValue())
                    && sureOfTargets().share() >= SURE_SHARE && sureOfTargets().rightShare() >= SURE_RIGHT
                    && invented.stream().noneMatch(field -> field.startsWith("confidentiality "));
        }

        public String text() {
            StringBuilder out = new StringBuilder();
            if (!cerByFile.isEmpty()) {
                out.append(String.format(Locale.ROOT, "Character error rate, pooled: %.2f %%%n", pooledCer * 100));
                cerByFile.forEach((file, cer) -> out.append(String.format(Locale.ROOT, "  %6.2f %%  %s%n", cer * 100, file)));
            }
            out.append(String.format(Locale.ROOT, "Metadata (exact after whitespace folding; sure = confidence >= %.1f):%n", SURE));
            out.append(String.format(Locale.ROOT, "  %-17s %8s %7s %7s %11s%n", "field", "accuracy", "target", "sure",
                    "sure right"));
            fieldAccuracy.forEach((field, accuracy) -> {
                Double target = TARGETS.get(field);
                out.append(String.format(Locale.ROOT, "  %-17s %7.1f %% %7s %6.1f %% %4d of %-4d%s%n", field,
                        accuracy * 100, target == null ? "" : String.format(Locale.ROOT, ">=%.0f %%", target * 100),
                        sure.get(field).share() * 100, sure.get(field).right(), sure.get(field).read(),
                        target == null ? "" : accuracy >= target ? "  met" : "  NOT MET"));
            });
            Sure targets = sureOfTargets();
            out.append(String.format(Locale.ROOT, "  the %d fields with targets: %.1f %% sure (target >= %.0f %%), "
                            + "%.1f %% of those right (target >= %.0f %%)%s%n", TARGETS.size(), targets.share() * 100,
                    SURE_SHARE * 100, targets.rightShare() * 100, SURE_RIGHT * 100,
                    targets.share() >= SURE_SHARE && targets.rightShare() >= SURE_RIGHT ? "  met" : "  NOT MET"));
            out.append("Fields read where the truth has none: ").append(invented.isEmpty() ? "none" : invented).append('\n');
            out.append("Fields read wrong or missed:").append(misses.isEmpty() ? " none" : "").append('\n');
            misses.forEach(miss -> out.append("  ").append(miss).append('\n'));
            out.append("Fields read right but not sure:").append(unsure.isEmpty() ? " none" : "").append('\n');
            unsure.forEach(field -> out.append("  ").append(field).append('\n'));
            if (!rankByQuery.isEmpty()) {
                out.append(String.format(Locale.ROOT, "Search: MRR@10 %.3f, recall@10 %.3f over %d cases%n", mrrAt10,
                        recallAt10, rankByQuery.size()));
                rankByQuery.forEach((query, rank) -> out.append(String.format(Locale.ROOT, "  rank %s  %s%n",
                        rank == 0 ? "-" : rank.toString(), query)));
                out.append("Unaccented queries ranking another first document: ")
                        .append(accentMismatches.isEmpty() ? "none" : accentMismatches).append('\n');
            }
            out.append("Targets (metadata): ").append(targetsMet() ? "all met" : "NOT all met").append('\n');
            return out.toString();
        }
    }

    /** What was read of one document: its pages' text and its metadata, as the document API gives them. */
    private record Reading(String text, JsonNode metadata) {
    }

    /**
     * The metadata of a corpus measured again from the pages an earlier run kept, read by the reader as
     * it is now (a signer whose family name was unread completed from the others' signers, as the
     * archive does). No CER and no search figures: nothing is archived.
     */
    public static Report reread(Path corpus, Path pages) throws IOException, InterruptedException {
        Map<String, JsonNode> truth = truth(corpus);
        Map<String, AdministrativeMetadata> read = new LinkedHashMap<>();
        for (String file : truth.keySet()) {
            Path kept = pages.resolve(file + ".pages.json");
            if (!Files.exists(kept)) {
                throw new IOException("no kept pages for " + file + " in " + pages);
            }
            read.put(file, AdministrativeReader.read(Json.MAPPER.readValue(kept.toFile(), PAGE_LIST).pages()));
        }
        Map<String, Reading> readings = new LinkedHashMap<>();
        read.forEach((file, metadata) -> readings.put(file,
                new Reading(null, Json.MAPPER.valueToTree(withKnownSigner(metadata, read.values())))));
        return score(truth, readings, List.of(), null);
    }

    private record PageList(List<Page> pages) {
    }

    private static final TypeReference<PageList> PAGE_LIST = new TypeReference<>() {
    };

    /** As the archive's register of signers completes a signer read without its family name. */
    private static AdministrativeMetadata withKnownSigner(AdministrativeMetadata metadata, Collection<AdministrativeMetadata> all) {
        if (metadata.signer() != null || metadata.partialSigner() == null) {
            return metadata;
        }
        List<String> known = all.stream().filter(m -> m.signer() != null && m.partialSigner() == null)
                .map(m -> m.signer().value())
                .filter(name -> IndexEntry.nameEndings(name).contains(metadata.partialSigner().value()))
                .distinct().toList();
        Field partial = metadata.partialSigner();
        return known.size() == 1 ? metadata.withSigner(new Field(known.get(0), partial.page(), partial.line(),
                SIGNER_FROM_REGISTER)) : metadata;
    }

    /** The confidence the archive's register gives a signer it completed. */
    private static final double SIGNER_FROM_REGISTER = 0.5;

    public Report run() throws IOException, InterruptedException {
        Map<String, JsonNode> truth = truth(corpus);
        Map<String, Reading> readings = new LinkedHashMap<>();
        for (String file : truth.keySet()) {
            String id = Checksums.sha256(Files.readAllBytes(corpus.resolve(file)));
            JsonNode pages = get("/api/documents/" + id + "/text");
            if (keepPages != null) {
                Files.createDirectories(keepPages);
                Json.MAPPER.writeValue(keepPages.resolve(file + ".pages.json").toFile(), Map.of("pages", pages.path("pages")));
            }
            StringBuilder text = new StringBuilder();
            pages.path("pages").forEach(p -> text.append(p.path("text").asText()).append('\n'));
            readings.put(file, new Reading(text.toString(), get("/api/documents/" + id).path("metadata")));
        }
        List<JsonNode> queries = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("queries.jsonl"))) {
            queries.add(Json.MAPPER.readTree(line));
        }
        return score(truth, readings, queries, this);
    }

    private static Map<String, JsonNode> truth(Path corpus) throws IOException {
        Map<String, JsonNode> truth = new LinkedHashMap<>();
        for (String line : Files.readAllLines(corpus.resolve("truth.jsonl"))) {
            JsonNode doc = Json.MAPPER.readTree(line);
            truth.put(doc.path("file").asText(), doc);
        }
        return truth;
    }

    private static Report score(Map<String, JsonNode> truth, Map<String, Reading> readings, List<JsonNode> queries,
                                CorpusEvaluation search) throws IOException, InterruptedException {
        long errors = 0;
        long length = 0;
        Map<String, Double> cerByFile = new LinkedHashMap<>();
        Map<String, Integer> right = new LinkedHashMap<>();
        Map<String, Sure> sure = new LinkedHashMap<>();
        List<String> invented = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        List<String> unsure = new ArrayList<>();
        for (Map.Entry<String, JsonNode> doc : truth.entrySet()) {
            Reading reading = readings.get(doc.getKey());
            if (reading.text() != null) {
                String reference = doc.getValue().path("full_text").asText();
                int distance = TextMetrics.distance(reference, reading.text());
                int refLength = TextMetrics.normalise(reference).length();
                cerByFile.put(doc.getKey(), (double) distance / refLength);
                errors += distance;
                length += refLength;
            }
            for (Map.Entry<String, String> field : FIELDS.entrySet()) {
                JsonNode read = reading.metadata().path(field.getKey());
                String want = comparable(doc.getValue().path("metadata").path(field.getValue()));
                String got = comparable(read.path("value"));
                boolean isRight = Objects.equals(want, got);
                boolean isSure = got != null && read.path("confidence").asDouble() >= SURE;
                right.merge(field.getKey(), isRight ? 1 : 0, Integer::sum);
                sure.merge(field.getKey(), new Sure(isSure ? 1 : 0, isSure && isRight ? 1 : 0, 1), Sure::plus);
                String confidence = got == null ? "" : String.format(Locale.ROOT, " (%.2f)", read.path("confidence").asDouble());
                if (isRight && got != null && !isSure) {
                    unsure.add(String.format("%s of %s: %s%s", field.getKey(), doc.getKey(), got, confidence));
                } else if (!isRight && want == null) {
                    invented.add(field.getKey() + " of " + doc.getKey());
                } else if (!isRight) {
                    misses.add(String.format("%s of %s: %s, read %s%s", field.getKey(), doc.getKey(), want,
                            got == null ? "nothing" : got, confidence));
                }
            }
        }
        Map<String, Double> accuracy = new LinkedHashMap<>();
        right.forEach((field, count) -> accuracy.put(field, (double) count / truth.size()));

        double reciprocal = 0;
        double recall = 0;
        Map<String, Integer> ranks = new LinkedHashMap<>();
        Map<String, String> firstById = new LinkedHashMap<>();
        for (JsonNode query : queries) {
            List<String> hits = search.hits(query);
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
        int cases = Math.max(1, queries.size());
        return new Report(length == 0 ? 0 : (double) errors / length, cerByFile, accuracy, sure, invented, misses, unsure,
                reciprocal / cases, recall / cases, ranks, mismatches);
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
