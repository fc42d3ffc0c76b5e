package vn.sohoa.core.storage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.Result;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.http.HttpUtils;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import vn.sohoa.core.config.Settings;
import vn.sohoa.core.document.Correction;
import vn.sohoa.core.document.DocumentRecord;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.document.Page;

/**
 * The archive's storage, the truth everything else is rebuilt from: originals byte for byte in
 * bucket {@code originals}, and in bucket {@code derivatives} each document's record (per-page text
 * and metadata) as {@code ID.json} and, for a scanned document, its two-layer PDF/A copy as
 * {@code ID.pdf}, archivists' corrections of its metadata as {@code ID.corrections.json}, and the page
 * images made for viewing as {@code ID/pages/N-WIDTH.jpg}. Bucket {@code system} holds what sohoa keeps
 * of its own: accounts, tokens and the audit trail, as JSON objects under a prefix each, and the list
 * of documents that have a record ({@link RecordList}). Any
 * S3-compatible server works (MinIO in production, S3Proxy embedded).
 */
public class ObjectStore {

    public static final String ORIGINALS = "originals";
    public static final String DERIVATIVES = "derivatives";
    public static final String SYSTEM = "system";
    private static final String RECORD_TYPE = "application/json; charset=utf-8";
    private static final String PDF_TYPE = "application/pdf";
    private static final String JPEG_TYPE = "image/jpeg";
    private static final java.util.regex.Pattern RECORD_KEY = java.util.regex.Pattern.compile("[0-9a-f]{64}\\.json");

    private static final String CORRECTIONS_SUFFIX = ".corrections.json";

    private final MinioClient client;
    private final MinioClient probe;
    private final RecordList recordList;

    /**
     * @param client for the archive's work
     * @param probe  for health checks, with short timeouts so that a hung server is reported at once
     */
    public ObjectStore(MinioClient client, MinioClient probe) {
        this.client = client;
        this.probe = probe;
        this.recordList = new RecordList(client);
    }

    public static ObjectStore connect(Settings settings) {
        MinioClient client = client(settings, Duration.ofSeconds(10), Duration.ofSeconds(300), Duration.ofSeconds(60));
        MinioClient probe = client(settings, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
        return new ObjectStore(client, probe);
    }

    private static MinioClient client(Settings settings, Duration connect, Duration write, Duration read) {
        OkHttpClient http = HttpUtils.newDefaultHttpClient(connect.toMillis(), write.toMillis(), read.toMillis());
        if (settings.s3Endpoint().startsWith("http://")) {
            // No TLS set up: the client MinIO derives for each upload then compares no trusted certificates
            // (that comparison was a sixth of sohoa's CPU under a search load, storing the audit entries).
            http = http.newBuilder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
        }
        return MinioClient.builder()
                .endpoint(settings.s3Endpoint())
                .credentials(settings.s3AccessKey(), settings.s3SecretKey())
                .region(settings.s3Region())
                .httpClient(http)
                .build();
    }

    public void createBuckets() throws StorageException {
        boolean newArchive = call(() -> !client.bucketExists(BucketExistsArgs.builder().bucket(DERIVATIVES).build()));
        for (String bucket : new String[] {ORIGINALS, DERIVATIVES, SYSTEM}) {
            call(() -> {
                if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                    client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                }
                return null;
            });
        }
        if (newArchive) {
            call(() -> {
                recordList.startEmpty();
                return null;
            });
        }
    }

    public boolean isAvailable() {
        try {
            return probe.bucketExists(BucketExistsArgs.builder().bucket(ORIGINALS).build());
        } catch (Exception e) {
            return false;
        }
    }

    public void putOriginal(String id, Path file, String fileName, String contentType, Instant ingestedAt)
            throws StorageException {
        call(() -> client.uploadObject(UploadObjectArgs.builder()
                .bucket(ORIGINALS)
                .object(id)
                .filename(file.toString())
                .contentType(contentType)
                .userMetadata(Map.of(
                        "file-name", URLEncoder.encode(fileName, StandardCharsets.UTF_8),
                        "ingested-at", ingestedAt.toString(),
                        "sha256", id))
                .build()));
    }

    public void deleteOriginal(String id) throws StorageException {
        call(() -> {
            client.removeObject(RemoveObjectArgs.builder().bucket(ORIGINALS).object(id).build());
            return null;
        });
    }

    public Optional<StoredFile> statOriginal(String id) throws StorageException {
        return stat(ORIGINALS, id, id);
    }

    /** The original's bytes; the caller closes the stream. */
    public InputStream openOriginal(String id) throws StorageException {
        return call(() -> client.getObject(GetObjectArgs.builder().bucket(ORIGINALS).object(id).build()));
    }

    /**
     * Stores the document's two-layer PDF/A copy with the SHA-256 of its bytes, so that fixity
     * checks can tell if it was altered.
     *
     * @param fileName the name to download it under
     */
    public void putSearchablePdf(String id, Path file, String fileName) throws StorageException {
        String sha256;
        try (InputStream in = Files.newInputStream(file)) {
            sha256 = Checksums.sha256(in);
        } catch (IOException e) {
            throw new StorageException("Could not read the PDF/A copy " + file + ": " + e.getMessage(), e);
        }
        call(() -> client.uploadObject(UploadObjectArgs.builder()
                .bucket(DERIVATIVES)
                .object(searchablePdfKey(id))
                .filename(file.toString())
                .contentType(PDF_TYPE)
                .userMetadata(Map.of(
                        "file-name", URLEncoder.encode(fileName, StandardCharsets.UTF_8),
                        "sha256", sha256))
                .build()));
    }

    /** The PDF/A copy, without its bytes; empty when the document has none. */
    public Optional<StoredFile> statSearchablePdf(String id) throws StorageException {
        return stat(DERIVATIVES, searchablePdfKey(id), id);
    }

    /** The PDF/A copy's bytes; the caller closes the stream. */
    public InputStream openSearchablePdf(String id) throws StorageException {
        return call(() -> client.getObject(GetObjectArgs.builder().bucket(DERIVATIVES).object(searchablePdfKey(id)).build()));
    }

    /**
     * Whether the PDF/A copy still has the checksum written with it: empty when it is missing, true
     * when intact, false when its bytes changed.
     */
    public Optional<Boolean> searchablePdfIntact(String id) throws StorageException {
        return call(() -> {
            try (GetObjectResponse in = client.getObject(
                    GetObjectArgs.builder().bucket(DERIVATIVES).object(searchablePdfKey(id)).build())) {
                String expected = in.headers().get("x-amz-meta-sha256");
                return Optional.of(Checksums.sha256(in).equals(expected));
            } catch (ErrorResponseException e) {
                if (isNotFound(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /** Stores the record with the SHA-256 of its JSON, so that fixity checks can tell if it was altered. */
    public void putRecord(DocumentRecord record) throws StorageException {
        byte[] json = call(() -> Json.MAPPER.writeValueAsBytes(record));
        call(() -> {
            recordList.add(record.id());
            return null;
        });
        call(() -> client.putObject(PutObjectArgs.builder()
                .bucket(DERIVATIVES)
                .object(recordKey(record.id()))
                .stream(new ByteArrayInputStream(json), json.length, -1)
                .contentType(RECORD_TYPE)
                .userMetadata(Map.of("sha256", Checksums.sha256(json)))
                .build()));
    }

    /**
     * Takes back a record that was stored for a file the index then refused: without it the document
     * would be in storage and never searchable, and the next reindex would meet it again.
     */
    public void deleteRecord(String id) throws StorageException {
        call(() -> {
            client.removeObject(RemoveObjectArgs.builder().bucket(DERIVATIVES).object(recordKey(id)).build());
            recordList.remove(id);
            return null;
        });
    }

    /** The ids of every document that has a record, in key order. */
    public List<String> recordIds() throws StorageException {
        return records().ids();
    }

    /**
     * Every document that has a record, in key order, and which of them have corrections stored beside
     * it (so that a rebuild reads corrections only where there are some), as {@link RecordList} keeps them.
     */
    public RecordListing records() throws StorageException {
        return call(() -> recordList.read(this::listDerivatives));
    }

    /** The same, from one listing of the derivatives bucket: what the record list starts from. */
    private RecordListing listDerivatives() throws Exception {
        List<String> ids = new ArrayList<>();
        java.util.Set<String> corrected = new java.util.HashSet<>();
        for (Result<Item> item : client.listObjects(ListObjectsArgs.builder().bucket(DERIVATIVES).recursive(true).build())) {
            String key = item.get().objectName();
            if (RECORD_KEY.matcher(key).matches()) {
                ids.add(key.substring(0, key.length() - ".json".length()));
            } else if (key.endsWith(CORRECTIONS_SUFFIX)) {
                corrected.add(key.substring(0, key.length() - CORRECTIONS_SUFFIX.length()));
            }
        }
        return new RecordListing(List.copyOf(ids), java.util.Set.copyOf(corrected));
    }

    /** The documents that have a record, and those of them that have corrections. */
    public record RecordListing(List<String> ids, java.util.Set<String> corrected) {
    }

    /** The SHA-256 of the original's bytes as they are now in storage, or empty when it is missing. */
    public Optional<String> digestOriginal(String id) throws StorageException {
        return call(() -> {
            try (GetObjectResponse in = client.getObject(GetObjectArgs.builder().bucket(ORIGINALS).object(id).build())) {
                return Optional.of(Checksums.sha256(in));
            } catch (ErrorResponseException e) {
                if (isNotFound(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /**
     * Re-reads the record and compares it with the checksum written with it: empty when it is
     * missing; not intact when its bytes changed or it no longer reads as a record.
     */
    public Optional<RecordCheck> checkRecord(String id) throws StorageException {
        return call(() -> {
            try (GetObjectResponse in = client.getObject(
                    GetObjectArgs.builder().bucket(DERIVATIVES).object(recordKey(id)).build())) {
                byte[] json = in.readAllBytes();
                String expected = in.headers().get("x-amz-meta-sha256");
                boolean sameBytes = expected == null || expected.equals(Checksums.sha256(json));
                DocumentRecord record;
                try {
                    record = Json.MAPPER.readValue(json, DocumentRecord.class);
                } catch (IOException e) {
                    record = null;
                }
                boolean readable = record != null && id.equals(record.id());
                return Optional.of(new RecordCheck(sameBytes && readable, readable && record.hasOcrPage()));
            } catch (ErrorResponseException e) {
                if (isNotFound(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    public Optional<DocumentRecord> findRecord(String id) throws StorageException {
        return call(() -> {
            try (GetObjectResponse in = client.getObject(
                    GetObjectArgs.builder().bucket(DERIVATIVES).object(recordKey(id)).build())) {
                return Optional.of(Json.MAPPER.readValue(in, DocumentRecord.class));
            } catch (ErrorResponseException e) {
                if (isNotFound(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /**
     * One page of a record and what is needed to show it, read as the record streams by: a record of
     * a thousand OCRed pages is never held whole for it. Empty when there is no record.
     */
    public Optional<RecordPage> findPage(String id, int page) throws StorageException {
        return call(() -> {
            try (GetObjectResponse in = client.getObject(
                    GetObjectArgs.builder().bucket(DERIVATIVES).object(recordKey(id)).build());
                 JsonParser parser = Json.MAPPER.createParser(in)) {
                String contentType = null;
                int pages = 0;
                Page found = null;
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("record " + id + " is not a JSON object");
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("contentType".equals(field) && value == JsonToken.VALUE_STRING) {
                        contentType = parser.getText();
                    } else if ("pages".equals(field) && value == JsonToken.START_ARRAY) {
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            pages++;
                            if (pages == page) {
                                found = Json.MAPPER.readValue(parser, Page.class);
                            } else {
                                parser.skipChildren();
                            }
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
                return Optional.of(new RecordPage(contentType, pages, found));
            } catch (ErrorResponseException e) {
                if (isNotFound(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /**
     * A page of a record.
     *
     * @param page the page, null when the record has no page of that number
     */
    public record RecordPage(String contentType, int pageCount, Page page) {
    }

    /** The archivists' corrections of the document, oldest first, with the version they were read at. */
    public StoredCorrections corrections(String id) throws StorageException {
        return call(() -> {
            try (GetObjectResponse in = client.getObject(
                    GetObjectArgs.builder().bucket(DERIVATIVES).object(correctionsKey(id)).build())) {
                Correction[] list = Json.MAPPER.readValue(in, Correction[].class);
                return new StoredCorrections(List.of(list), in.headers().get("ETag"));
            } catch (ErrorResponseException e) {
                if (isNotFound(e)) {
                    return new StoredCorrections(List.of(), null);
                }
                throw e;
            }
        });
    }

    /**
     * Replaces the corrections, only if they are still the version {@code read} was: false when another
     * writer came first (the caller reads again and retries). A server that cannot write conditionally
     * writes anyway; callers also hold a lock per document.
     */
    public boolean replaceCorrections(String id, StoredCorrections read, List<Correction> corrections)
            throws StorageException {
        byte[] json = call(() -> Json.MAPPER.writeValueAsBytes(corrections));
        Map<String, String> condition = read.etag() == null ? Map.of("If-None-Match", "*")
                : Map.of("If-Match", read.etag());
        try {
            putCorrections(id, json, condition);
            return true;
        } catch (StorageException e) {
            if (e.getCause() instanceof ErrorResponseException response) {
                String code = response.errorResponse().code();
                if ("PreconditionFailed".equals(code) || "ConditionalRequestConflict".equals(code)) {
                    return false;
                }
                if ("NotImplemented".equals(code)) {
                    putCorrections(id, json, Map.of());
                    return true;
                }
            }
            throw e;
        }
    }

    private void putCorrections(String id, byte[] json, Map<String, String> headers) throws StorageException {
        call(() -> client.putObject(PutObjectArgs.builder()
                .bucket(DERIVATIVES)
                .object(correctionsKey(id))
                .stream(new ByteArrayInputStream(json), json.length, -1)
                .contentType(RECORD_TYPE)
                .headers(headers)
                .userMetadata(Map.of("sha256", Checksums.sha256(json)))
                .build()));
        call(() -> {
            recordList.markCorrected(id);
            return null;
        });
    }

    /** A page image made for viewing: its size, or empty when it was not made yet. */
    public Optional<Long> statPageImage(String id, int page, String width) throws StorageException {
        return stat(DERIVATIVES, pageImageKey(id, page, width), id).map(StoredFile::size);
    }

    /** The page image's JPEG bytes; the caller closes the stream. */
    public InputStream openPageImage(String id, int page, String width) throws StorageException {
        return call(() -> client.getObject(GetObjectArgs.builder().bucket(DERIVATIVES)
                .object(pageImageKey(id, page, width)).build()));
    }

    public void putPageImage(String id, int page, String width, byte[] jpeg) throws StorageException {
        call(() -> client.putObject(PutObjectArgs.builder()
                .bucket(DERIVATIVES)
                .object(pageImageKey(id, page, width))
                .stream(new ByteArrayInputStream(jpeg), jpeg.length, -1)
                .contentType(JPEG_TYPE)
                .build()));
    }

    /** @param width the image's width in pixels, or {@code original} */
    public static String pageImageKey(String id, int page, String width) {
        return id + "/pages/" + page + "-" + width + ".jpg";
    }

    /**
     * One of the objects a document's pages leave while it is being read ({@code ID/work/NAME}): a
     * page image waiting for OCR, a page's result. They go once the document's record is stored.
     */
    public void putWork(String id, String name, byte[] bytes) throws StorageException {
        call(() -> client.putObject(PutObjectArgs.builder()
                .bucket(DERIVATIVES)
                .object(workKey(id, name))
                .stream(new ByteArrayInputStream(bytes), bytes.length, -1)
                .contentType("application/octet-stream")
                .build()));
    }

    public Optional<byte[]> getWork(String id, String name) throws StorageException {
        return call(() -> {
            try (GetObjectResponse in = client.getObject(GetObjectArgs.builder().bucket(DERIVATIVES)
                    .object(workKey(id, name)).build())) {
                return Optional.of(in.readAllBytes());
            } catch (ErrorResponseException e) {
                if (isNotFound(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    public boolean hasWork(String id, String name) throws StorageException {
        return stat(DERIVATIVES, workKey(id, name), id).isPresent();
    }

    public void deleteWork(String id, String name) throws StorageException {
        call(() -> {
            client.removeObject(io.minio.RemoveObjectArgs.builder().bucket(DERIVATIVES).object(workKey(id, name)).build());
            return null;
        });
    }

    public boolean hasAnyWork(String id) throws StorageException {
        return call(() -> client.listObjects(ListObjectsArgs.builder().bucket(DERIVATIVES)
                .prefix(workKey(id, "")).maxKeys(1).build()).iterator().hasNext());
    }

    /** Deletes what the document's pages left while it was read, in one request per thousand objects. */
    public void deleteWork(String id) throws StorageException {
        call(() -> {
            List<DeleteObject> work = new ArrayList<>();
            for (Result<Item> item : client.listObjects(ListObjectsArgs.builder().bucket(DERIVATIVES)
                    .prefix(workKey(id, "")).recursive(true).build())) {
                work.add(new DeleteObject(item.get().objectName()));
            }
            if (work.isEmpty()) {
                return null;
            }
            for (Result<DeleteError> error : client.removeObjects(RemoveObjectsArgs.builder().bucket(DERIVATIVES)
                    .objects(work).build())) {
                DeleteError refused = error.get();
                throw new IOException("Storage did not delete " + refused.objectName() + ": " + refused.message());
            }
            return null;
        });
    }

    public static String workKey(String id, String name) {
        return id + "/work/" + name;
    }

    static String correctionsKey(String id) {
        return id + CORRECTIONS_SUFFIX;
    }

    /** Writes one of sohoa's own objects (an account, a token, an audit entry) in bucket {@code system}. */
    public void putSystemObject(String key, byte[] json) throws StorageException {
        call(() -> client.putObject(PutObjectArgs.builder()
                .bucket(SYSTEM)
                .object(key)
                .stream(new ByteArrayInputStream(json), json.length, -1)
                .contentType(RECORD_TYPE)
                .build()));
    }

    public Optional<byte[]> getSystemObject(String key) throws StorageException {
        return call(() -> {
            try (GetObjectResponse in = client.getObject(GetObjectArgs.builder().bucket(SYSTEM).object(key).build())) {
                return Optional.of(in.readAllBytes());
            } catch (ErrorResponseException e) {
                if (isNotFound(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /** The keys of bucket {@code system} under the prefix, in key order. */
    public List<String> systemKeys(String prefix) throws StorageException {
        return call(() -> {
            List<String> keys = new ArrayList<>();
            for (Result<Item> item : client.listObjects(
                    ListObjectsArgs.builder().bucket(SYSTEM).prefix(prefix).recursive(true).build())) {
                keys.add(item.get().objectName());
            }
            keys.sort(null);
            return keys;
        });
    }

    static String recordKey(String id) {
        return id + ".json";
    }

    static String searchablePdfKey(String id) {
        return id + ".pdf";
    }

    private Optional<StoredFile> stat(String bucket, String key, String id) throws StorageException {
        return call(() -> {
            try {
                StatObjectResponse stat = client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
                String encodedName = stat.userMetadata().get("file-name");
                String name = encodedName == null ? key : URLDecoder.decode(encodedName, StandardCharsets.UTF_8);
                return Optional.of(new StoredFile(id, name, stat.contentType(), stat.size()));
            } catch (ErrorResponseException e) {
                if (isNotFound(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    static boolean isNotFound(ErrorResponseException e) {
        String code = e.errorResponse().code();
        return "NoSuchKey".equals(code) || "NoSuchObject".equals(code) || "NotFound".equals(code)
                || e.response() != null && e.response().code() == 404;
    }

    private static <T> T call(StorageCall<T> call) throws StorageException {
        try {
            return call.run();
        } catch (IOException e) {
            throw new StorageException("Object storage unreachable or failed: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new StorageException("Object storage error: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface StorageCall<T> {
        T run() throws Exception;
    }

    /**
     * What re-reading a record found.
     *
     * @param scanned whether the record says the document was scanned, so that it has a PDF/A copy to check too
     */
    public record RecordCheck(boolean intact, boolean scanned) {
    }

    /**
     * A document's corrections as read, oldest first.
     *
     * @param etag the version read, null when there were none yet
     */
    public record StoredCorrections(List<Correction> list, String etag) {
    }

    /** What the store knows of a stored file (an original, a PDF/A copy) without reading its bytes. */
    public record StoredFile(String id, String fileName, String contentType, long size) {
    }
}
