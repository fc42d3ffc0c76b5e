package vn.sohoa.core.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import vn.sohoa.core.document.DocumentRecord;
import vn.sohoa.core.document.Json;

/**
 * The search index: one Elasticsearch index behind an alias, so a rebuild can go into a new index
 * and swap the alias. Its mapping is {@code config/index/documents.json}.
 */
public class DocumentIndex implements AutoCloseable {

    private static final String MAPPING = "/index/documents.json";

    private final ElasticsearchClient client;
    private final String alias;

    public DocumentIndex(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    public static DocumentIndex connect(String url, String alias) {
        RestClient rest = RestClient.builder(HttpHost.create(url)).build();
        return new DocumentIndex(new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(Json.MAPPER))), alias);
    }

    public ElasticsearchClient client() {
        return client;
    }

    public String alias() {
        return alias;
    }

    /** Creates the first index and its alias unless the alias exists. */
    public void createIfMissing() throws IOException {
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            return;
        }
        String index = alias + "-1";
        try (InputStream mapping = DocumentIndex.class.getResourceAsStream(MAPPING)) {
            if (mapping == null) {
                throw new IllegalStateException("Index mapping " + MAPPING + " is not on the classpath");
            }
            client.indices().create(c -> c.index(index).withJson(mapping).aliases(alias, a -> a.isWriteIndex(true)));
        }
    }

    public boolean isAvailable() {
        try {
            HealthStatus status = client.cluster().health(h -> h.timeout(t -> t.time("2s"))).status();
            return status != HealthStatus.Red;
        } catch (Exception e) {
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

    /** Indexes the document and waits until it is visible to search. */
    public void put(DocumentRecord record) throws IndexException {
        call(() -> client.index(i -> i.index(alias).id(record.id()).document(IndexEntry.of(record))
                .refresh(Refresh.WaitFor)));
    }

    public Optional<IndexEntry> get(String id) throws IndexException {
        GetResponse<IndexEntry> response = call(() -> client.get(g -> g.index(alias).id(id), IndexEntry.class));
        return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
    }

    public long count() throws IndexException {
        return call(() -> client.count(c -> c.index(alias)).count());
    }

    private static <T> T call(IndexCall<T> call) throws IndexException {
        try {
            return call.run();
        } catch (IOException | ElasticsearchException e) {
            throw new IndexException("Elasticsearch unreachable or failed: " + e.getMessage(), e);
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
