package vn.sohoa.api.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.sohoa.core.audit.AuditEntry;
import vn.sohoa.core.audit.AuditTrail;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StorageException;
import vn.sohoa.core.index.IndexException;

/**
 * The audit trail indexed for querying (who, what, which document, when). Storage holds the trail;
 * this index is rebuilt from it whenever it holds fewer entries.
 */
public class AuditIndex {

    public static final int MAX_RESULTS = 10_000;

    private final ElasticsearchClient client;
    private final String name;

    public AuditIndex(ElasticsearchClient client, String documentsAlias) {
        this.client = client;
        this.name = documentsAlias + "-audit";
    }

    /**
     * Creates the index if missing and, when it holds fewer entries than storage, indexes every stored
     * entry again; the entries are read only then, not at every start.
     */
    public void catchUp(ObjectStore store) throws IndexException, StorageException {
        long storedCount = AuditTrail.count(store);
        List<AuditEntry> stored = indexedCount() < storedCount ? AuditTrail.readAll(store) : List.of();
        call(() -> {
            if (!client.indices().exists(e -> e.index(name)).value()) {
                client.indices().create(c -> c.index(name)
                        .settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
                        .mappings(m -> m.dynamic(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.False)
                                .properties("chain", p -> p.keyword(k -> k))
                                .properties("seq", p -> p.long_(l -> l))
                                .properties("at", p -> p.date(d -> d))
                                .properties("user", p -> p.keyword(k -> k))
                                .properties("address", p -> p.keyword(k -> k))
                                .properties("action", p -> p.keyword(k -> k))
                                .properties("document", p -> p.keyword(k -> k))
                                .properties("status", p -> p.integer(i -> i))
                                .properties("details", p -> p.object(o -> o.enabled(false)))));
            }
            if (!stored.isEmpty()) {
                for (int from = 0; from < stored.size(); from += 1000) {
                    bulk(stored.subList(from, Math.min(stored.size(), from + 1000)));
                }
                client.indices().refresh(r -> r.index(name));
            }
            return null;
        });
    }

    private void bulk(List<AuditEntry> entries) throws java.io.IOException {
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(name);
        for (AuditEntry entry : entries) {
            bulk.operations(o -> o.index(i -> i.id(id(entry)).document(entry)));
        }
        client.bulk(bulk.build());
    }

    private long indexedCount() throws IndexException {
        return call(() -> client.indices().exists(e -> e.index(name)).value() ? client.count(c -> c.index(name)).count() : 0);
    }

    /** Indexes the entries in one request. */
    public void putAll(List<AuditEntry> entries) throws IndexException {
        call(() -> {
            bulk(entries);
            return null;
        });
    }

    /** The entries that match every given filter (null: any), newest first. */
    public List<AuditEntry> query(String user, String document, String action, Instant from, Instant to, int size)
            throws IndexException {
        List<Query> filters = new ArrayList<>();
        if (user != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("user").value(user))));
        }
        if (document != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("document").value(document))));
        }
        if (action != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("action").value(action))));
        }
        if (from != null || to != null) {
            filters.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("at");
                if (from != null) {
                    d.gte(from.toString());
                }
                if (to != null) {
                    d.lte(to.toString());
                }
                return d;
            }))));
        }
        return call(() -> {
            client.indices().refresh(r -> r.index(name));
            return client.search(s -> s.index(name).size(Math.min(size, MAX_RESULTS))
                    .query(q -> q.bool(b -> b.filter(filters)))
                    .sort(o -> o.field(f -> f.field("at").order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("seq").order(SortOrder.Desc))), AuditEntry.class)
                    .hits().hits().stream().map(h -> h.source()).toList();
        });
    }

    private static String id(AuditEntry entry) {
        return entry.chain() + "-" + entry.seq();
    }

    private <T> T call(Call<T> call) throws IndexException {
        try {
            return call.run();
        } catch (IOException | ElasticsearchException e) {
            throw new IndexException("Audit index failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }
}
