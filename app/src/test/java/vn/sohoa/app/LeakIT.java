package vn.sohoa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.sohoa.core.access.Clearance;
import vn.sohoa.core.document.Json;
import vn.sohoa.core.text.VietnameseText;

/**
 * Nothing of a record above a user's clearance reaches that user: records at every level (marked by
 * a manifest, or read off the page, a doubtful stamp counting as Mật), laid out as the corpus's are
 * but with words of their own, users at every clearance,
 * and for each user over a thousand generated requests (its words with and without diacritics,
 * phrases, numbers, {@code số N}, signer and issuer, facet filters, pages past the end, direct ids).
 */
@ExtendWith(RunningArchive.Extension.class)
class LeakIT {

    private final RunningArchive archive = RunningArchive.get();
    private final Users users = new Users(archive);
    private final Random random = new Random(20261205);

    /** A record made for the test, with what would betray it. */
    record Fixture(String file, Clearance level, String id, String word, String number, String signer, String issuer,
                   String year) {
        List<String> markers() {
            List<String> markers = new ArrayList<>();
            for (String marker : new String[] {id, word, VietnameseText.fold(word), signer, issuer, number}) {
                if (marker != null) {
                    markers.add(marker);
                }
            }
            return markers;
        }
    }

    @Test
    void noRequestOfAnyUserLetsARecordAboveTheirClearanceShow() throws Exception {
        String run = letters(6);
        String shared = "chung" + run;
        String folder = "Lộ lọt " + run;
        List<Fixture> fixtures = new ArrayList<>();
        StringBuilder manifest = new StringBuilder("Tên tệp;Độ mật;Người ký;Cơ quan ban hành;Số ký hiệu;Tên loại văn bản;"
                + "Ngày văn bản\n");
        int n = 0;
        for (Clearance level : Clearance.values()) {
            for (int copy = 0; copy < 2; copy++) {
                n++;
                String word = "bímật" + letters(7);
                String number = (10000 + random.nextInt(89999)) + "/QĐ-LĐLĐ";
                String signer = "Lò Văn " + capitalised(letters(6));
                String issuer = "Công đoàn " + capitalised(letters(7));
                String year = Integer.toString(2001 + n);
                String file = "ho so " + n + ".txt";
                String body = copy == 0
                        ? "CÔNG ĐOÀN NGÀNH\nSố: " + number + "\nBình Phước, ngày 5 tháng 2 năm " + year + "\nQUYẾT ĐỊNH\n"
                                + "Về việc " + word + " kế hoạch năm " + year + "\nNội dung " + word + " " + shared + ".\n"
                        : recordLike(word, shared, year);
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                fixtures.add(new Fixture(file, level, RunningArchive.sha256(bytes), word, copy == 0 ? number : null, signer,
                        issuer, year));
                manifest.append(file).append(';').append(level.mark() == null ? "" : level.mark()).append(';')
                        .append(signer).append(';').append(issuer).append(';').append(copy == 0 ? number : "").append(';')
                        .append(copy == 0 ? "Quyết định" : "").append(';').append(copy == 0 ? "05/02/" + year : "")
                        .append('\n');
                Files.write(staged(folder, file), bytes);
            }
        }
        for (String[] read : new String[][] {{"TỐI MẬT", "toi mat doc.txt"}, {"MAT", "mat mo.txt"}}) {
            String word = "bímật" + letters(7);
            String number = (10000 + random.nextInt(89999)) + "/BC-LĐLĐ";
            String body = "LĐLĐ TỈNH BÌNH PHƯỚC\n" + read[0] + "\nSố: " + number + "\nBình Phước, ngày 9 tháng 9 năm 2020\n"
                    + "BÁO CÁO\nVề tình hình " + word + "\nNội dung " + word + " " + shared + ".\n";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            Clearance level = read[0].equals("MAT") ? Clearance.MAT : Clearance.TOI_MAT;
            fixtures.add(new Fixture(read[1], level, RunningArchive.sha256(bytes), word, number, null, null, "2020"));
            Files.write(staged(folder, read[1]), bytes);
        }
        archive.drop(folder + "/metadata.csv", manifest.toString().getBytes(StandardCharsets.UTF_8));
        Thread.sleep(1500);
        for (Fixture fixture : fixtures) {
            Files.move(staged(folder, fixture.file()), archive.inbox().resolve(folder).resolve(fixture.file()));
        }
        for (Fixture fixture : fixtures) {
            archive.awaitState(fixture.id(), "ARCHIVED");
        }
        JsonNode all = archive.getJson("/api/search?size=50&q=" + shared);
        assertEquals(fixtures.size(), all.path("total").asInt(), "the admin sees every record: " + all);
        for (Fixture fixture : fixtures) {
            JsonNode doc = archive.getJson("/api/documents/" + fixture.id());
            assertEquals(fixture.level(), Clearance.ofMark(doc.path("confidentiality").asText(null)),
                    fixture.file() + " is marked " + fixture.level() + ": " + doc.path("confidentiality"));
        }

        List<String> failures = new ArrayList<>();
        for (Clearance clearance : Clearance.values()) {
            Users.User user = users.create("officer", clearance.code());
            int requests = probe(user, clearance, fixtures, shared, failures);
            assertTrue(requests >= 1000, clearance + ": " + requests + " requests");
        }
        Users.User archivist = users.create("archivist", "none");
        Fixture secret = fixtures.stream().filter(f -> f.level() == Clearance.MAT).findFirst().orElseThrow();
        HttpResponse<byte[]> correction = archive.send(archivist.withToken(users.json("PATCH",
                "/api/documents/" + secret.id() + "/metadata", Map.of("fields", Map.of("confidentiality", "")))).build());
        HttpResponse<byte[]> unknown = archive.send(archivist.withToken(users.json("PATCH",
                "/api/documents/" + "e".repeat(64) + "/metadata", Map.of("fields", Map.of("confidentiality", "")))).build());
        assertEquals(404, correction.statusCode(), "an archivist cannot unmark a record above their clearance");
        assertEquals(new String(unknown.body(), StandardCharsets.UTF_8).replace("e".repeat(64), secret.id()),
                new String(correction.body(), StandardCharsets.UTF_8));
        assertEquals("MẬT", archive.getJson("/api/documents/" + secret.id()).path("confidentiality").asText());
        assertTrue(failures.isEmpty(), failures.size() + " leaks, first: " + failures.subList(0, Math.min(10,
                failures.size())));
    }

    /** Sends the user every generated request and notes whatever betrays a record above the clearance. */
    private int probe(Users.User user, Clearance clearance, List<Fixture> fixtures, String shared, List<String> failures)
            throws Exception {
        List<Fixture> hidden = fixtures.stream().filter(f -> !clearance.covers(f.level())).toList();
        List<String> markers = new ArrayList<>();
        hidden.forEach(f -> markers.addAll(f.markers()));
        List<String> markerKeys = markers.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
        int requests = 0;

        long visible = fixtures.stream().filter(f -> clearance.covers(f.level())).count();
        JsonNode sharedHits = search(user, "q=" + encode(shared) + "&size=50");
        requests++;
        if (sharedHits.path("total").asLong() != visible) {
            failures.add(clearance + ": total for the shared word " + sharedHits.path("total") + " instead of " + visible);
        }
        for (JsonNode bucket : sharedHits.path("facets").path("confidentiality")) {
            if (!clearance.covers(Clearance.ofMark(bucket.path("value").asText()))) {
                failures.add(clearance + ": facet " + bucket);
            }
        }

        String unknown = "f".repeat(64);
        for (Fixture fixture : fixtures) {
            List<String> queries = new ArrayList<>(List.of(fixture.word(), VietnameseText.fold(fixture.word()),
                    fixture.word().toUpperCase(Locale.ROOT), "\"" + fixture.word() + " " + shared + "\"",
                    fixture.word() + " " + shared, VietnameseText.fold(fixture.word()) + " nội dung"));
            if (fixture.number() != null) {
                String digits = fixture.number().substring(0, fixture.number().indexOf('/'));
                queries.addAll(List.of(fixture.number(), VietnameseText.fold(fixture.number()), "số " + digits,
                        "so " + digits, digits));
            }
            if (fixture.signer() != null) {
                queries.addAll(List.of(fixture.signer(), VietnameseText.fold(fixture.signer()), fixture.issuer()));
            }
            List<String> filters = new ArrayList<>(List.of("", "&confidentiality=" + encode(fixture.level().mark() == null
                    ? "MẬT" : fixture.level().mark()), "&year=" + fixture.year(), "&sort=date",
                    "&from=" + fixture.year() + "-01-01&to=" + fixture.year() + "-12-31"));
            if (fixture.signer() != null) {
                filters.addAll(List.of("&signer=" + encode(fixture.signer()), "&issuer=" + encode(fixture.issuer()),
                        "&type=" + encode("Quyết định")));
            }
            for (String query : queries) {
                for (String filter : filters) {
                    for (String page : List.of("&page=0", "&page=7&size=5")) {
                        String params = "q=" + encode(query) + filter + page;
                        HttpResponse<byte[]> answer = get(user, "/api/search?" + params);
                        requests++;
                        check(clearance, params, answer, markerKeys, failures);
                        boolean mine = clearance.covers(fixture.level());
                        if (!mine && page.equals("&page=0") && query.equals(fixture.word())
                                && Json.MAPPER.readTree(answer.body()).path("total").asLong() != 0) {
                            failures.add(clearance + ": " + params + " counts a hidden record");
                        }
                    }
                }
            }
            for (String suffix : List.of("", "/original", "/pdf", "/text", "/pages/1", "/pages/1?width=400")) {
                HttpResponse<byte[]> answer = get(user, "/api/documents/" + fixture.id() + suffix);
                requests++;
                if (clearance.covers(fixture.level())) {
                    if (answer.statusCode() != 200 && !suffix.equals("/pdf") && !suffix.startsWith("/pages")) {
                        failures.add(clearance + " cannot read its own level's " + fixture.file() + suffix);
                    }
                    continue;
                }
                HttpResponse<byte[]> absent = get(user, "/api/documents/" + unknown + suffix);
                String asUnknown = new String(answer.body(), StandardCharsets.UTF_8).replace(fixture.id(), unknown);
                if (answer.statusCode() != 404 || !asUnknown.equals(new String(absent.body(), StandardCharsets.UTF_8))
                        || !answer.headers().firstValue("Content-Type").equals(absent.headers().firstValue("Content-Type"))) {
                    failures.add(clearance + ": " + fixture.file() + suffix + " answers " + answer.statusCode() + " "
                            + new String(answer.body(), StandardCharsets.UTF_8) + " unlike an unknown id");
                }
            }
        }
        return requests;
    }

    private void check(Clearance clearance, String params, HttpResponse<byte[]> answer, List<String> markers,
                       List<String> failures) {
        String body = new String(answer.body(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        String folded = VietnameseText.fold(body);
        for (String marker : markers) {
            if (body.contains(marker) || folded.contains(VietnameseText.fold(marker))) {
                failures.add(clearance + ": " + params + " shows \"" + marker + "\"");
                return;
            }
        }
        if (answer.statusCode() != 200) {
            failures.add(clearance + ": " + params + " answered " + answer.statusCode());
        }
    }

    /** Where a file waits, hidden from the watcher, until the manifest of its folder is in place. */
    private java.nio.file.Path staged(String folder, String file) throws java.io.IOException {
        return Files.createDirectories(archive.inbox().resolve(folder)).resolve(".staging-" + file);
    }

    private HttpResponse<byte[]> get(Users.User user, String path) throws Exception {
        return archive.send(user.withToken(HttpRequest.newBuilder(URI.create(archive.url(path)))).build());
    }

    private JsonNode search(Users.User user, String params) throws Exception {
        return Json.MAPPER.readTree(get(user, "/api/search?" + params).body());
    }

    /**
     * A record laid out as the corpus's are (header, number, place and date, type, subject, body,
     * signature), with words of its own: the corpus's own text would add second hits to the search
     * cases other tests count on in the shared archive.
     */
    private String recordLike(String word, String shared, String year) {
        String issuer = "LĐLĐ HUYỆN " + letters(6).toUpperCase(Locale.ROOT);
        return "LĐLĐ TỈNH BÌNH PHƯỚC\n" + issuer + "\nSố: " + (10000 + random.nextInt(89999)) + "/BC-LĐLĐ\n"
                + "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                + "Bình Phước, ngày 12 tháng 8 năm " + year + "\nBÁO CÁO\nTình hình " + word + " của công đoàn cơ sở\n"
                + "Kính gửi: Thường trực Liên đoàn Lao động tỉnh.\nThực hiện kế hoạch " + word + " năm " + year
                + ", Ban Thường vụ báo cáo " + shared + " như sau.\nTM. BAN THƯỜNG VỤ\nCHỦ TỊCH\nNguyễn Văn "
                + capitalised(letters(5)) + "\n";
    }

    private String letters(int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
