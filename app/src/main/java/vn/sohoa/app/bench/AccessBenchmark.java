package vn.sohoa.app.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import vn.sohoa.app.ApiClient;
import vn.sohoa.app.TemporaryArchive;
import vn.sohoa.core.access.Clearance;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.index.DocumentIndex;
import vn.sohoa.core.index.IndexEntry;
import vn.sohoa.core.text.VietnameseText;

/**
 * What accounts and clearance cost a search, on a corpus archived in a fresh archive, over its
 * {@code queries.jsonl}: finding who makes a request (a token, a browser session), and the clearance
 * filter in Elasticsearch (the same text query with and without it). Medians over the queries, each
 * measured warm several times; the search through the API is printed beside them for scale.
 */
public final class AccessBenchmark {

    private static final int ROUNDS = 15;
    private static final double TARGET_MS = 2.0;
    private static final String DOSSIER = "bench-access";

    private AccessBenchmark() {
    }

    public static void run(Path corpus, PrintStream out) throws Exception {
        List<String> queries = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("queries.jsonl"))) {
            queries.add(Json.MAPPER.readTree(line).path("query").asText());
        }
        List<String> files;
        try (Stream<Path> listed = Files.list(corpus)) {
            files = listed.map(p -> p.getFileName().toString())
                    .filter(f -> !f.endsWith(".jsonl") && !f.endsWith(".md")).sorted().toList();
        }
        try (TemporaryArchive archive = TemporaryArchive.start(Map.of())) {
            out.printf("Archiving %d files of %s...%n", files.size(), corpus);
            archive.drop(corpus, files, DOSSIER);
            archive.awaitFinished(files, DOSSIER);

            var guard = archive.sohoa().guard();
            String bearer = "Bearer " + archive.token();
            String cookies = new ApiClient(archive.url(), null).signIn("admin",
                    Files.readString(archive.data().resolve("admin-password.txt")).strip()).cookies();
            double[] byToken = new double[queries.size()];
            double[] bySession = new double[queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                byToken[i] = medianMillis(() -> guard.identify(bearer, null, "127.0.0.1").orElseThrow());
                bySession[i] = medianMillis(() -> guard.identify(null, cookies, "127.0.0.1").orElseThrow());
            }

            DocumentIndex index = archive.sohoa().documentIndex();
            ElasticsearchClient client = index.client();
            double[] filtered = new double[queries.size()];
            double[] unfiltered = new double[queries.size()];
            double[] api = new double[queries.size()];
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < queries.size(); i++) {
                String folded = VietnameseText.fold(queries.get(i));
                Query text = Query.of(q -> q.multiMatch(m -> m.query(folded)
                        .fields("contentFolded", "subjectFolded^3", "titleFolded^2").minimumShouldMatch("3<80%")));
                for (int warm = 0; warm < 3; warm++) {
                    search(client, index.alias(), text, true);
                    search(client, index.alias(), text, false);
                }
                filtered[i] = medianMillis(() -> search(client, index.alias(), text, true));
                unfiltered[i] = medianMillis(() -> search(client, index.alias(), text, false));
                HttpRequest request = HttpRequest.newBuilder(URI.create(archive.url() + "/api/search?q="
                        + URLEncoder.encode(queries.get(i), StandardCharsets.UTF_8))).header("Authorization", bearer).build();
                api[i] = medianMillis(() -> http.send(request, HttpResponse.BodyHandlers.discarding()));
            }
            double[] filterCost = new double[queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                filterCost[i] = filtered[i] - unfiltered[i];
            }
            double signIn = median(byToken);
            double cost = signIn + median(filterCost);
            out.printf("%nAccess control on search, %d queries of %s, medians (ms):%n", queries.size(),
                    corpus.resolve("queries.jsonl"));
            out.printf("  who makes the request, by token            %7.3f%n", signIn);
            out.printf("  who makes the request, by browser session  %7.3f%n", median(bySession));
            out.printf("  Elasticsearch search with the clearance filter    %7.3f, without %7.3f: filter %+.3f%n",
                    median(filtered), median(unfiltered), median(filterCost));
            out.printf("  whole search through the API (token)       %7.3f%n", median(api));
            out.printf("  cost of signing in and of the filter       %7.3f (target <= %.1f: %s)%n", cost, TARGET_MS,
                    cost <= TARGET_MS ? "met" : "NOT met");
        }
    }

    private static SearchResponse<IndexEntry> search(ElasticsearchClient client, String alias, Query text,
                                                     boolean withClearance) throws Exception {
        return client.search(s -> s.index(alias).size(10).query(q -> q.bool(b -> {
            b.must(text);
            if (withClearance) {
                b.filter(DocumentIndex.visibleTo(Clearance.NONE));
            }
            return b;
        })), IndexEntry.class);
    }

    @FunctionalInterface
    private interface Timed {
        Object run() throws Exception;
    }

    private static double medianMillis(Timed timed) throws Exception {
        double[] times = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            timed.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        return median(times);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
