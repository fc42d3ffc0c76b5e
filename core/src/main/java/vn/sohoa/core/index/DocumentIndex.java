package vn.sohoa.core.index;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import co.elastic.clients.util.ObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.sohoa.core.access.Clearance;
import java.util.function.Function;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import vn.sohoa.core.document.Correction;
import vn.sohoa.core.document.DocumentRecord;
import vn.sohoa.core.document.Json;

/**
 * The search index: one Elasticsearch index behind an alias, so a rebuild can go into a new index
 * and swap the alias. Its mapping is {@code config/index/documents.json}.
 */
public class DocumentIndex implements AutoCloseable {

    private static final String MAPPING = "/index/documents.json";
    private static final String MAPPING_JSON = mapping();
    /** Raised with every change of the mapping that documents indexed before it do not have. */
    private static final int MAPPING_VERSION = mappingVersion();

    /**
     * Requests to Elasticsearch at once. A file archived waits for the index's next refresh (up to a
     * second) holding its connection: the client's default of 10 a host let 10 files a second through.
     */
    private static final int CONNECTIONS = 128;

    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ElasticsearchClient client;
    private final ElasticsearchAsyncClient asyncClient;
    private final String alias;
    private final URI health;

    public DocumentIndex(ElasticsearchClient client, String alias, String url) {
        this.client = client;
        this.asyncClient = new ElasticsearchAsyncClient(client._transport(), client._transportOptions());
        this.alias = alias;
        this.health = URI.create(url.replaceAll("/+$", "") + "/_cluster/health");
    }

    private static String mapping() {
        try (InputStream mapping = DocumentIndex.class.getResourceAsStream(MAPPING)) {
            if (mapping == null) {
                throw new IllegalStateException("Index mapping " + MAPPING + " is not on the classpath");
            }
            return new String(mapping.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int mappingVersion() {
        try {
            return Json.MAPPER.readTree(MAPPING_JSON).path("mappings").path("_meta").path("version").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DocumentIndex connect(String url, String alias) {
        RestClient rest = RestClient.builder(HttpHost.create(url))
                .setRequestConfigCallback(config -> config.setConnectTimeout(5_000).setSocketTimeout(60_000))
                .setHttpClientConfigCallback(http -> http.setMaxConnPerRoute(CONNECTIONS).setMaxConnTotal(CONNECTIONS)
                        // No credentials are sent; the auth cache would deserialize a scheme on every request.
                        .disableAuthCaching())
                .build();
        return new DocumentIndex(new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(Json.MAPPER))),
                alias, url);
    }

    public ElasticsearchClient client() {
        return client;
    }

    /** The same connection, for requests sent side by side. */
    public ElasticsearchAsyncClient asyncClient() {
        return asyncClient;
    }

    public String alias() {
        return alias;
    }

    /** Creates the first index and its alias unless the alias exists. */
    public void createIfMissing() throws IndexException {
        boolean exists = call(() -> client.indices().existsAlias(a -> a.name(alias)).value());
        if (!exists) {
            String first = createVersion();
            makeSearchable(first);
            switchAliasTo(first);
        }
    }

    /**
     * Whether the index behind the alias was made with this version's mapping. One made with an
     * older mapping lacks fields or analysis the searches use, which only indexing the records again
     * gives it: it is to be rebuilt from storage.
     */
    public boolean isCurrent() throws IndexException {
        var mappings = call(() -> client.indices().getMapping(m -> m.index(alias))).result().values();
        return mappings.stream().allMatch(m -> {
            var meta = m.mappings().meta();
            return meta != null && meta.containsKey("version") && meta.get("version").to(Integer.class) == MAPPING_VERSION;
        });
    }

    /**
     * A new, empty index with the mapping, named after the alias and the time, not yet behind the alias,
     * filled by {@link #putAll} without refreshing until {@link #makeSearchable}.
     */
    public String createVersion() throws IndexException {
        String index = alias + "-" + System.currentTimeMillis();
        call(() -> client.indices().create(c -> c.index(index).withJson(new StringReader(MAPPING_JSON))));
        call(() -> client.indices().putSettings(p -> p.index(index).settings(st -> st.refreshInterval(t -> t.time("-1")))));
        return index;
    }

    /**
     * Merges a filled new index into a few segments, gives it its usual refresh interval back, and
     * makes everything put into it visible.
     */
    public void makeSearchable(String index) throws IndexException {
        mergeSegments(index);
        call(() -> client.indices().putSettings(p -> p.index(index).settings(st -> st.refreshInterval(t -> t.time("1s")))));
        call(() -> client.indices().refresh(r -> r.index(index)));
    }

    /**
     * A search visits every segment: a rebuilt index holds some thirty, and merged into a few
     * ({@link MergedSegments}) it is searched with a quarter less CPU and stored in a quarter less
     * space. The merge of 100,000 records outlasts the client's socket timeout, so it runs as a task
     * waited on.
     */
    private void mergeSegments(String index) throws IndexException {
        long bytes = call(() -> client.indices().stats(s -> s.index(index).metric("store")).all().primaries().store()
                .sizeInBytes());
        long segments = MergedSegments.forIndexOf(bytes);
        String task = call(() -> client.indices().forcemerge(f -> f.index(index).maxNumSegments(segments)
                .waitForCompletion(false)).task());
        while (true) {
            var merge = call(() -> client.tasks().get(g -> g.taskId(task)));
            if (merge.error() != null) {
                throw new IndexException("Merging the segments of " + index + " failed: " + merge.error().reason());
            }
            if (merge.completed()) {
                return;
            }
            sleep();
        }
    }

    /** Puts the alias on this index alone, in one atomic step, and deletes the indices it leaves. */
    public void switchAliasTo(String index) throws IndexException {
        List<String> previous = call(() -> client.indices().existsAlias(a -> a.name(alias)).value()
                ? List.copyOf(client.indices().getAlias(a -> a.name(alias)).result().keySet())
                : List.<String>of());
        call(() -> client.indices().updateAliases(u -> {
            for (String old : previous) {
                u.actions(a -> a.remove(r -> r.index(old).alias(alias)));
            }
            return u.actions(a -> a.add(add -> add.index(index).alias(alias).isWriteIndex(true)));
        }));
        for (String old : previous) {
            if (!old.equals(index)) {
                call(() -> client.indices().delete(d -> d.index(old)));
            }
        }
    }

    /**
     * Indexes the entries into the named index in one request; they are visible once it is {@link #makeSearchable}.
     * @return the entries the index refused (a value it cannot take), by id, with its reason
     */
    public Map<String, String> putAll(String index, List<IndexEntry> entries) throws IndexException {
        if (entries.isEmpty()) {
            return Map.of();
        }
        BulkResponse response = call(() -> client.bulk(b -> {
            for (IndexEntry entry : entries) {
                b.operations(o -> o.index(i -> i.index(index).id(entry.id()).document(entry)));
            }
            return b;
        }));
        Map<String, String> refused = new LinkedHashMap<>();
        for (var item : response.items()) {
            if (item.error() != null) {
                refused.put(item.id(), item.error().reason());
            }
        }
        return refused;
    }

    /**
     * Other documents with the same number and notation from the same issuer: possible duplicates in
     * the sense of NĐ 30 (versions and copies exist, so they are flagged, not refused).
     */
    public List<String> sameNumberAndIssuer(IndexEntry doc, Clearance clearance) throws IndexException {
        if (doc.documentNumberKey() == null || doc.issuer() == null) {
            return List.of();
        }
        var response = call(() -> client.search(s -> s.index(alias).size(20).source(src -> src.fetch(false))
                .query(q -> q.bool(b -> b
                        .filter(visibleTo(clearance))
                        .filter(f -> f.term(t -> t.field("documentNumberKey").value(doc.documentNumberKey())))
                        .filter(f -> f.term(t -> t.field("issuer").value(doc.issuer())))
                        .mustNot(m -> m.ids(i -> i.values(doc.id()))))), Void.class));
        return response.hits().hits().stream().map(h -> h.id()).toList();
    }

    /** The documents whose dossier is exactly this folder (not its subfolders); at most 10,000. */
    public List<String> idsInFolder(String folder) throws IndexException {
        return idsWhere(q -> q.term(t -> t.field("folder").value(folder)));
    }

    /** The ids of the documents the query finds; at most 10,000. */
    private List<String> idsWhere(Function<Query.Builder, ObjectBuilder<Query>> query) throws IndexException {
        var response = call(() -> client.search(s -> s.index(alias).size(10_000).source(src -> src.fetch(false))
                .query(query), Void.class));
        return response.hits().hits().stream().map(h -> h.id()).toList();
    }

    /**
     * The signers of archived documents whose whole name ends with these given names; at most two,
     * since only a single one tells whose they are.
     */
    public List<String> signersEndingWith(String givenNames, Clearance upTo) throws IndexException {
        var response = call(() -> client.search(s -> s.index(alias).size(0)
                .query(q -> q.bool(b -> b.filter(visibleTo(upTo))
                        .filter(f -> f.term(t -> t.field("signerNameEndings").value(givenNames)))))
                .aggregations("signers", a -> a.terms(t -> t.field("signer").size(2))), Void.class));
        return response.aggregations().get("signers").sterms().buckets().array().stream()
                .map(bucket -> bucket.key().stringValue()).toList();
    }

    /** The documents whose signer was read as one of these given names only, the family name unread; at most 10,000. */
    public List<String> idsWithPartialSigner(List<String> givenNames, Clearance atLeast) throws IndexException {
        if (givenNames.isEmpty()) {
            return List.of();
        }
        List<FieldValue> values = givenNames.stream().map(FieldValue::of).toList();
        return idsWhere(q -> q.bool(b -> b
                .filter(f -> f.range(r -> r.number(n -> n.field("accessLevel").gte((double) atLeast.level()))))
                .filter(f -> f.terms(t -> t.field("partialSigner").terms(v -> v.value(values))))));
    }

    public boolean contains(String id) throws IndexException {
        return call(() -> client.exists(e -> e.index(alias).id(id)).value());
    }

    /** Whether the cluster answers within two seconds and is not red (checked apart from the client, which waits longer). */
    public boolean isAvailable() {
        try {
            HttpResponse<String> response = PROBE.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && !response.body().contains("\"status\":\"red\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until the node answers and is at least yellow. */
    public void awaitAvailable(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isAvailable()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("Elasticsearch did not become available within " + timeout);
            }
            sleep();
        }
    }

    /** When a document put into the index shows in searches; either way the put returns once it does. */
    public enum Visible {
        /** A refresh of its own: for one document changed by hand or by a manifest, one after another. */
        AT_ONCE,
        /**
         * The index's next scheduled refresh (at most a second), shared by every document put
         * meanwhile: for files archived many at once. A refresh per document cost Elasticsearch about
         * as much CPU again as the document's indexing (a segment each, merged again and again).
         */
        AT_NEXT_REFRESH
    }

    /** Indexes the document, visible to search {@link Visible#AT_ONCE}. */
    public void put(DocumentRecord record, List<Correction> corrections) throws IndexException {
        put(record, corrections, Visible.AT_ONCE);
    }

    /**
     * Indexes the document and returns once it shows in searches. Only through the alias: were the
     * index deleted, Elasticsearch would otherwise create one of that name with a guessed mapping.
     *
     * @param corrections the document's corrections as stored beside its record, oldest first
     */
    public void put(DocumentRecord record, List<Correction> corrections, Visible visible) throws IndexException {
        Refresh refresh = visible == Visible.AT_ONCE ? Refresh.True : Refresh.WaitFor;
        call(() -> client.index(i -> i.index(alias).id(record.id()).document(IndexEntry.of(record, corrections))
                .requireAlias(true).refresh(refresh)));
    }

    /** The document, if a user with this clearance may know of it: one above it is as absent as an unknown id. */
    public Optional<IndexEntry> get(String id, Clearance clearance) throws IndexException {
        GetResponse<IndexEntry> response = call(() -> client.get(g -> g.index(alias).id(id), IndexEntry.class));
        return response.found() ? Optional.ofNullable(response.source()).filter(doc -> doc.visibleTo(clearance))
                : Optional.empty();
    }

    /**
     * The filter every query made for a user carries: documents at or below the user's clearance. A
     * document without a level (indexed before levels existed) matches no clearance.
     */
    public static Query visibleTo(Clearance clearance) {
        return Query.of(q -> q.range(r -> r.number(n -> n.field("accessLevel").lte((double) clearance.level()))));
    }

    public long count() throws IndexException {
        return call(() -> client.count(c -> c.index(alias)).count());
    }

    private static <T> T call(IndexCall<T> call) throws IndexException {
        try {
            return call.run();
        } catch (IOException | ElasticsearchException e) {
            throw new IndexException("Elasticsearch unreachable or failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io) {
                throw new IndexException("Elasticsearch unreachable or failed: " + io.getMessage(), io);
            }
            throw e;
        }
    }

    @FunctionalInterface
    private interface IndexCall<T> {
        T run() throws IOException;
    }

    @Override
    public void close() throws IOException {
        client._transport().close();
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
