package vn.sohoa.ocr.work;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StorageException;

/**
 * A worker announces itself in storage every few seconds ({@code system/workers/NAME.json}): who it
 * is, how many threads read, what it has read; the pipeline lists the workers seen lately.
 */
public final class WorkerHeartbeat {

    public static final Duration EVERY = Duration.ofSeconds(10);
    /** A worker not heard of for this long is no longer listed. */
    public static final Duration SEEN_LATELY = Duration.ofSeconds(60);
    private static final String PREFIX = "workers/";

    private final ObjectStore store;
    private final String name;
    private final String kind;
    private final int threads;
    private final PageMeters pages;

    /** @param kind {@code in-process} or {@code process} */
    public WorkerHeartbeat(ObjectStore store, String kind, int threads, PageMeters pages) {
        this.store = store;
        this.name = host() + "-" + ProcessHandle.current().pid();
        this.kind = kind;
        this.threads = threads;
        this.pages = pages;
    }

    public String name() {
        return name;
    }

    public void announce() throws StorageException, JsonProcessingException {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", name);
        state.put("kind", kind);
        state.put("threads", threads);
        state.put("pagesRead", pages.pagesRead());
        state.put("failures", pages.failures());
        state.put("secondsPerPage", Math.round(pages.secondsPerPage() * 100) / 100.0);
        state.put("seenAt", Instant.now().toString());
        store.putSystemObject(PREFIX + name + ".json", Json.MAPPER.writeValueAsBytes(state));
    }

    /** The workers that announced themselves within {@link #SEEN_LATELY}. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> seenLately(ObjectStore store) throws StorageException, IOException {
        Instant since = Instant.now().minus(SEEN_LATELY);
        List<Map<String, Object>> workers = new ArrayList<>();
        for (String key : store.systemKeys(PREFIX)) {
            Optional<byte[]> json = store.getSystemObject(key);
            if (json.isPresent()) {
                Map<String, Object> state = Json.MAPPER.readValue(json.get(), Map.class);
                if (Instant.parse((String) state.get("seenAt")).isAfter(since)) {
                    workers.add(state);
                }
            }
        }
        return workers;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
