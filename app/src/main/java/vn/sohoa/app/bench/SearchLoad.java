package vn.sohoa.app.bench;

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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vn.sohoa.core.document.DocumentRecord;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.text.VietnameseText;

/**
 * Searches through the HTTP API as officers make them, drawn from a corpus's {@code queries.jsonl}
 * and from the words of records of the archive: one to five words, with and without diacritics,
 * phrases, document numbers, with and without filters, deep pages. Each request is timed at the
 * client, beside the time Elasticsearch took for it ({@code took} in the answer).
 */
final class SearchLoad {

    /** A search: its query string, and whether it is a document number. */
    record Search(String query, boolean number) {
    }

    /** One client's request: the time it took at the client and the time Elasticsearch took for it (ms). */
    record Timing(double millis, double elasticsearchMillis) {
    }

    /** Latency percentiles over many requests, the share of it Elasticsearch took, the median time beyond it. */
    record Figures(int requests, double p50, double p95, double p99, double elasticsearchShare, double overheadMedian,
                   int failed) {

        static Figures of(List<Timing> timings, int failed) {
            double[] millis = timings.stream().mapToDouble(Timing::millis).sorted().toArray();
            double[] overhead = timings.stream().mapToDouble(t -> t.millis() - t.elasticsearchMillis()).sorted().toArray();
            double total = Arrays.stream(millis).sum();
            double elasticsearch = timings.stream().mapToDouble(Timing::elasticsearchMillis).sum();
            return new Figures(millis.length, percentile(millis, 50), percentile(millis, 95), percentile(millis, 99),
                    total == 0 ? 0 : elasticsearch / total, percentile(overhead, 50), failed);
        }
    }

    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    SearchLoad(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The corpus's search cases, with their filters as the API takes them. */
    static List<Search> corpusCases(Path corpus) throws IOException {
        List<Search> searches = new ArrayList<>();
        Path file = corpus.resolve("queries.jsonl");
        if (!Files.exists(file)) {
            return searches;
        }
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode c = Json.MAPPER.readTree(line);
            StringBuilder query = new StringBuilder("q=" + encode(c.path("query").asText()));
            JsonNode filters = c.path("filters");
            if (filters.has("loai_van_ban")) {
                query.append("&type=").append(encode(filters.path("loai_van_ban").asText()));
            }
            if (filters.has("nam")) {
                query.append("&year=").append(filters.path("nam").asInt());
            }
            searches.add(new Search(query.toString(), c.path("kind").asText().startsWith("number")));
        }
        return searches;
    }

    /** Searches made of a record's own words and values, in the shapes officers type them. */
    static List<Search> fromRecords(List<DocumentRecord> records, int count, long seed) {
        Random random = new Random(seed);
        List<Search> searches = new ArrayList<>();
        while (searches.size() < count && !records.isEmpty()) {
            DocumentRecord record = records.get(random.nextInt(records.size()));
            int shape = random.nextInt(100);
            if (shape < 10) {
                searches.add(new Search("q=" + encode(numberQuery(record, random)), true));
                continue;
            }
            List<String> words = words(record, random, 1 + random.nextInt(5));
            if (words.isEmpty()) {
                continue;
            }
            String text = String.join(" ", words);
            if (random.nextInt(100) < 40) {
                text = VietnameseText.fold(text);
            }
            if (shape < 25) {
                text = "\"" + text + "\"";
            }
            StringBuilder query = new StringBuilder("q=" + encode(text));
            if (shape >= 25 && shape < 40) {
                String type = record.metadata().documentType() == null ? null : record.metadata().documentType().value();
                switch (random.nextInt(3)) {
                    case 0 -> query.append("&year=").append(record.issuedDate().getYear());
                    case 1 -> query.append("&issuer=").append(encode(record.metadata().issuer().value()));
                    default -> query.append(type == null ? "" : "&type=" + encode(type));
                }
            } else if (shape >= 40 && shape < 48) {
                query.append("&page=").append(5 + random.nextInt(45));
            } else if (shape >= 48 && shape < 53) {
                query.append("&sort=date");
            }
            searches.add(new Search(query.toString(), false));
        }
        return searches;
    }

    /** A record's number as typed: whole, without diacritics, number and type only, or "số N". */
    static String numberQuery(DocumentRecord record, Random random) {
        String number = record.metadata().documentNumber().value();
        return switch (random.nextInt(4)) {
            case 0 -> number;
            case 1 -> VietnameseText.fold(number);
            case 2 -> number.split("-")[0];
            default -> "số " + record.metadata().codeNumber().value();
        };
    }

    private static List<String> words(DocumentRecord record, Random random, int count) {
        String[] lines = record.fullText().split("\n");
        for (int attempt = 0; attempt < 5; attempt++) {
            List<String> words = new ArrayList<>();
            for (String word : lines[random.nextInt(lines.length)].split("\\s+")) {
                String clean = word.replaceAll("^[^\\p{L}\\d]+|[^\\p{L}\\d]+$", "");
                if (!clean.isEmpty()) {
                    words.add(clean.toLowerCase(Locale.ROOT));
                }
            }
            if (words.size() >= count) {
                int from = random.nextInt(words.size() - count + 1);
                return words.subList(from, from + count);
            }
        }
        return List.of();
    }

    /**
     * Runs the searches with this many clients at once, each client one request after the other;
     * the searches are shared out in turn.
     */
    Figures run(List<Search> searches, int clients) throws Exception {
        List<Search> shuffled = new ArrayList<>(searches);
        Collections.shuffle(shuffled, new Random(clients));
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Timing>>> results = new ArrayList<>();
            int[] failed = new int[clients];
            for (int c = 0; c < clients; c++) {
                int client = c;
                results.add(pool.submit(() -> {
                    List<Timing> timings = new ArrayList<>();
                    for (int i = client; i < shuffled.size(); i += clients) {
                        Timing timing = search(shuffled.get(i).query());
                        if (timing == null) {
                            failed[client]++;
                        } else {
                            timings.add(timing);
                        }
                    }
                    return timings;
                }));
            }
            List<Timing> all = new ArrayList<>();
            for (Future<List<Timing>> result : results) {
                all.addAll(result.get());
            }
            return Figures.of(all, Arrays.stream(failed).sum());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One search; null when it failed (not counted in the latencies). */
    private Timing search(String query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/search?" + query))
                .header("Authorization", "Bearer " + token).GET().build();
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200) {
            return null;
        }
        return new Timing(millis, Json.MAPPER.readTree(response.body()).path("took").asDouble());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
