package vn.sohoa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import vn.sohoa.core.document.Json;

/**
 * The web page in a real browser (Debian's headless Chromium) against the running archive with the
 * shared corpus archived: search, facets, history, the document page, downloads, upload and the
 * phone layout. Each page's screenshot is saved under {@code target/screenshots/}.
 */
@ExtendWith(RunningArchive.Extension.class)
class WebPageIT {

    /** The dossier the corpus is archived in; searches are kept to it, other tests add documents elsewhere. */
    private static final String DOSSIER = URLEncoder.encode(CorpusDossier.NAME, StandardCharsets.UTF_8);
    private static final Map<String, String> IDS = new HashMap<>();
    private static Browser browser;

    private final RunningArchive archive = RunningArchive.get();

    @BeforeAll
    static void archiveTheCorpusAndOpenABrowser() throws Exception {
        CorpusDossier.archive(RunningArchive.get());
        for (String file : CorpusDossier.files()) {
            IDS.put(file, RunningArchive.sha256(Files.readAllBytes(RunningArchive.corpus().resolve(file))));
        }
        browser = new Browser(RunningArchive.get());
        browser.signIn();
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void officeScreen() {
        browser.size(1366, 768);
    }

    @Test
    void anUnaccentedSearchPutsTheRightDocumentFirstWithAnAccentedMarkedSnippet() throws Exception {
        JsonNode query = queryCase("D08");
        assertEquals("topic_unaccented", query.path("kind").asText());
        browser.open("/?folder=" + DOSSIER);
        browser.awaitResults();
        browser.search(query.path("query").asText());

        List<WebElement> hits = browser.hits();
        assertFalse(hits.isEmpty(), browser.resultsHeading());
        WebElement first = hits.get(0);
        Set<String> relevant = topGraded(query);
        assertTrue(relevant.contains(idOf(first)), "first hit " + first.getText() + " is one of " + relevant);
        List<String> marked = first.findElements(By.cssSelector(".snippet mark")).stream()
                .map(WebElement::getText).collect(Collectors.toList());
        assertTrue(marked.stream().anyMatch(WebPageIT::hasDiacritics), "accented marked words in " + marked);
        assertTrue(browser.driver().getCurrentUrl().contains("q=chuyen+doi+so"), browser.driver().getCurrentUrl());
        browser.screenshot("search");
    }

    @Test
    void aFacetNarrowsTheResultsAndClickedAgainWidensThem() throws Exception {
        browser.open("/?folder=" + DOSSIER);
        browser.awaitResults();
        String all = browser.resultsHeading();
        int allHits = browser.hits().size();

        browser.clickAndAwaitResults(browser.facet("type", "Kế hoạch"));
        assertTrue(browser.driver().getCurrentUrl().contains("type=K%E1%BA%BF+ho%E1%BA%A1ch"), browser.driver().getCurrentUrl());
        List<WebElement> narrowed = browser.hits();
        assertFalse(narrowed.isEmpty());
        assertTrue(narrowed.size() < allHits, narrowed.size() + " of " + allHits);
        for (WebElement hit : narrowed) {
            assertTrue(hit.findElement(By.cssSelector(".facts")).getText().contains("Kế hoạch"), hit.getText());
        }
        assertEquals("true", browser.facet("type", "Kế hoạch").getAttribute("aria-pressed"));
        browser.screenshot("search-facet");

        browser.clickAndAwaitResults(browser.facet("type", "Kế hoạch"));
        assertEquals(all, browser.resultsHeading());
        assertEquals("false", browser.facet("type", "Kế hoạch").getAttribute("aria-pressed"));
    }

    @Test
    void backAndForwardRestoreTheSearch() throws Exception {
        browser.open("/?folder=" + DOSSIER);
        browser.awaitResults();
        browser.search("phat trien doan vien");
        String unfiltered = browser.resultsHeading();
        String firstUnfiltered = idOf(browser.hits().get(0));
        browser.clickAndAwaitResults(browser.facet("year", browser.driver()
                .findElement(By.cssSelector("[data-facet='year'] .facet-value")).getText()));
        String filtered = browser.resultsHeading();
        String filteredUrl = browser.driver().getCurrentUrl();
        assertTrue(filteredUrl.contains("year="), filteredUrl);
        browser.search("thanh lap cong doan co so");
        String second = browser.driver().getCurrentUrl();

        browser.back();
        assertEquals(filteredUrl, browser.driver().getCurrentUrl());
        assertEquals(filtered, browser.resultsHeading());
        assertEquals("phat trien doan vien", browser.driver().findElement(By.id("q")).getAttribute("value"));
        browser.back();
        assertEquals(unfiltered, browser.resultsHeading());
        assertEquals(firstUnfiltered, idOf(browser.hits().get(0)));
        browser.forward();
        assertEquals(filteredUrl, browser.driver().getCurrentUrl());
        assertEquals(filtered, browser.resultsHeading());
        browser.forward();
        assertEquals(second, browser.driver().getCurrentUrl());
        assertEquals("thanh lap cong doan co so", browser.driver().findElement(By.id("q")).getAttribute("value"));
    }

    @Test
    void aDocumentOpensWithItsMetadataAndTextAndItsOriginalDownloadsByteIdentical() throws Exception {
        String file = "CTr 45 Hành động thực hiện.pdf";
        String id = IDS.get(file);
        JsonNode doc = archive.getJson("/api/documents/" + id);
        browser.open("/?folder=" + DOSSIER + "&q=45%2FCTr");
        browser.awaitResults();
        WebElement link = browser.hits().stream().filter(h -> id.equals(idOf(h))).findFirst()
                .orElseThrow(() -> new AssertionError(file + " among the hits")).findElement(By.cssSelector("h3 a"));
        link.click();
        browser.await("the document page", d -> !d.findElements(By.id("meta-list")).isEmpty()
                && d.findElements(By.cssSelector("#page-text .loading")).isEmpty()
                && !d.findElement(By.id("page-text")).getText().isBlank());

        assertEquals(doc.path("title").asText(), browser.driver().findElement(By.cssSelector("h1.doc-title")).getText());
        WebElement number = browser.driver().findElement(By.cssSelector(".meta-row[data-field='documentNumber']"));
        assertTrue(number.getText().contains(doc.path("documentNumber").asText()), number.getText());
        WebElement date = browser.driver().findElement(By.cssSelector(".meta-row[data-field='issuedDate'] .meta-value"));
        String iso = doc.path("issuedDate").asText();
        assertEquals(iso.substring(8) + "/" + iso.substring(5, 7) + "/" + iso.substring(0, 4), date.getText());
        assertTrue(browser.driver().findElement(By.cssSelector(".meta-row[data-field='signer']")).getText()
                .contains(doc.path("signer").asText()));
        String text = browser.driver().findElement(By.id("page-text")).getText();
        assertTrue(text.contains("chuyển đổi số"), text);

        WebElement original = browser.driver().findElement(By.id("download-original"));
        assertEquals(id, browser.sha256Of(original));
        browser.screenshot("document");
    }

    @Test
    void aFileDroppedOnTheUploadAreaBecomesSearchable() throws Exception {
        String token = "trinhduyet" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Path dir = Files.createDirectories(Path.of("target", "web-upload"));
        Path file = dir.resolve("Thông báo " + token + ".txt");
        Files.writeString(file, "LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH PHƯỚC\nTHÔNG BÁO\nVề việc thử tải lên qua trang web "
                + token + "\nKính gửi: các công đoàn cơ sở.\n");

        browser.open("/upload");
        browser.driver().findElement(By.id("base-folder")).sendKeys("Tải lên từ trang web");
        browser.driver().findElement(By.id("file-input")).sendKeys(file.toAbsolutePath().toString());
        browser.await("the upload to be archived", Duration.ofMinutes(2), d -> d.findElements(By.cssSelector(
                "#upload-list .upload-state")).stream().anyMatch(s -> s.getText().contains("Đã lưu trữ")));
        browser.screenshot("upload");

        browser.open("/?q=" + token);
        browser.awaitResults();
        List<WebElement> hits = browser.hits();
        assertEquals(1, hits.size(), browser.resultsHeading());
        assertEquals(RunningArchive.sha256(Files.readAllBytes(file)), idOf(hits.get(0)));
        assertTrue(hits.get(0).getText().contains("Tải lên từ trang web"), hits.get(0).getText());

        browser.open("/ingest");
        browser.await("the upload in the activity list", d -> d.findElements(By.cssSelector(
                "table.activity tr[data-state='ARCHIVED']")).size() >= 1);
        browser.screenshot("ingest");
    }

    @Test
    void thePhoneLayoutShowsTheResults() throws Exception {
        browser.size(390, 844);
        browser.open("/?folder=" + DOSSIER + "&q=tap+huan+can+bo+cong+doan");
        browser.awaitResults();
        WebElement first = browser.hits().get(0);
        assertTrue(first.isDisplayed());
        long viewport = ((Number) browser.script("return window.innerWidth;")).longValue();
        long page = ((Number) browser.script("return document.documentElement.scrollWidth;")).longValue();
        assertTrue(page <= viewport, "no sideways scrolling: page " + page + " px in " + viewport);
        assertTrue(first.getRect().getWidth() <= viewport);
        assertTrue(first.getRect().getY() < 844, "the first hit is on the first screen at " + first.getRect().getY());
        browser.screenshot("search-phone");
    }

    @Test
    void aSharedLinkAsksAStrangerToSignInFirstThenShowsTheSearch() throws Exception {
        browser.driver().manage().deleteAllCookies();
        try {
            browser.driver().get(archive.url("/?q=cong+doan"));
            browser.await("the login page", d -> d.getCurrentUrl().contains("/login"));
            assertTrue(browser.driver().getCurrentUrl().contains("next="), browser.driver().getCurrentUrl());
            browser.driver().findElement(By.name("username")).sendKeys("admin");
            browser.driver().findElement(By.name("password")).sendKeys("khong-dung", Keys.ENTER);
            browser.await("the refusal", d -> d.findElement(By.id("login-error")).isDisplayed());
            assertEquals("Tên đăng nhập hoặc mật khẩu không đúng.",
                    browser.driver().findElement(By.id("login-error")).getText());
            browser.screenshot("login");
            browser.driver().findElement(By.name("password")).clear();
            browser.driver().findElement(By.name("password")).sendKeys(archive.adminPassword(), Keys.ENTER);
            browser.await("the search the link named", d -> d.getCurrentUrl().contains("q=cong+doan")
                    || d.getCurrentUrl().contains("q=cong%20doan"));
            browser.awaitResults();
        } finally {
            browser.signIn();
        }
    }

    @Test
    void theLoginPageHasTheFieldsLinksRelyOn() throws Exception {
        browser.open("/login");
        WebElement username = browser.driver().findElement(By.name("username"));
        WebElement password = browser.driver().findElement(By.name("password"));
        assertEquals("Tên đăng nhập", browser.driver().findElement(By.cssSelector("label[for='username']")).getText());
        assertEquals("Mật khẩu", browser.driver().findElement(By.cssSelector("label[for='password']")).getText());
        assertEquals("password", password.getAttribute("type"));
        assertTrue(username.isDisplayed());
    }

    @Test
    void theSearchedWordIsBoxedWhereItIsPrintedOnThePageImage() throws Exception {
        String id = IDS.get("DOC00364.TIF");
        browser.open("/documents/" + id + "?q=chuyen+doi+so");
        browser.await("the page image and its boxes", d -> Boolean.TRUE.equals(browser.script(
                "const i = document.querySelector('img.page-image');"
                        + "return i !== null && i.complete && i.naturalWidth > 0"
                        + " && document.querySelectorAll('.word-box').length > 0;")));
        JsonNode text = archive.getJson("/api/documents/" + id + "/text");
        int shown = Integer.parseInt(browser.driver().findElement(By.cssSelector("#viewer select")).getAttribute("value"));
        JsonNode page = text.path("pages").path(shown - 1);
        double pageWidth = page.path("width").asDouble();
        double pageHeight = page.path("height").asDouble();

        WebElement image = browser.driver().findElement(By.cssSelector("img.page-image"));
        double natural = ((Number) browser.script("return arguments[0].naturalWidth / arguments[0].naturalHeight;", image))
                .doubleValue();
        assertEquals(pageWidth / pageHeight, natural, 0.01, "the image is the page the words were read on");

        WebElement box = browser.driver().findElements(By.cssSelector(".word-box")).get(0);
        String word = box.getAttribute("data-word");
        assertTrue(Set.of("chuyển", "đổi", "số").contains(word.toLowerCase().replaceAll("[^\\p{L}]", "")), word);
        JsonNode printed = null;
        for (JsonNode w : page.path("words")) {
            if (w.path("text").asText().equals(word)) {
                printed = w;
                break;
            }
        }
        assertTrue(printed != null, word + " among the page's words");
        var imageRect = image.getRect();
        double scale = imageRect.getWidth() / pageWidth;
        var rect = box.getRect();
        assertEquals(imageRect.getX() + printed.path("x").asDouble() * scale, rect.getX(), 2.0);
        assertEquals(imageRect.getY() + printed.path("y").asDouble() * scale, rect.getY(), 2.0);
        assertEquals(printed.path("width").asDouble() * scale, rect.getWidth(), 2.0);
        browser.screenshot("document-highlight");
    }

    @Test
    void aCorrectedFieldIsFoundByItsNewValueAlsoAfterAReindex() throws Exception {
        // A document of its own: the corpus's records keep what was read, other tests measure them.
        String token = "hieudinh" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String id = archive.drop("Sua tren trang web " + UUID.randomUUID() + "/to trinh.txt", ("LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH PHƯỚC\n"
                + "Số: 31/TTr-LĐLĐ\nTỜ TRÌNH\nVề việc cử cán bộ dự lớp tập huấn\nKính gửi: Ban Thường vụ.\n"
                + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        archive.awaitState(id, "ARCHIVED");
        browser.open("/documents/" + id);
        WebElement row = browser.driver().findElement(By.cssSelector(".meta-row[data-field='subject']"));
        row.findElement(By.cssSelector("button.edit")).click();
        WebElement value = browser.driver().findElement(By.id("edit-subject"));
        value.clear();
        value.sendKeys("Cử cán bộ tham dự lớp tập huấn " + token);
        browser.driver().findElement(By.id("reason-subject")).sendKeys("Sửa theo bản giấy");
        browser.driver().findElement(By.cssSelector("form.correction button[type='submit']")).click();
        browser.await("the corrected subject", d -> d.findElement(By.cssSelector(
                ".meta-row[data-field='subject']")).getText().contains(token));
        assertTrue(browser.driver().findElement(By.cssSelector(".meta-row[data-field='subject'] .source")).getText()
                .contains("đã sửa"));
        assertTrue(browser.driver().findElement(By.cssSelector("table.history")).getText().contains("Sửa theo bản giấy"));
        browser.screenshot("document-corrected");

        browser.open("/?q=" + token);
        browser.awaitResults();
        assertEquals(id, idOf(browser.hits().get(0)));
        assertEquals(200, archive.send(HttpRequest.newBuilder(URI.create(archive.url("/api/maintenance/reindex")))
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode());
        browser.open("/?q=" + token);
        browser.awaitResults();
        assertEquals(id, idOf(browser.hits().get(0)));
    }

    private static String idOf(WebElement hit) {
        String href = hit.findElement(By.cssSelector("h3 a")).getAttribute("href");
        String path = URI.create(href).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static JsonNode queryCase(String id) throws Exception {
        for (String line : Files.readAllLines(RunningArchive.corpus().resolve("queries.jsonl"))) {
            JsonNode query = Json.MAPPER.readTree(line);
            if (id.equals(query.path("id").asText())) {
                return query;
            }
        }
        throw new AssertionError("no query " + id + " in queries.jsonl");
    }

    /** The ids of the documents with the query's highest grade. */
    private static Set<String> topGraded(JsonNode query) {
        int best = 0;
        for (JsonNode grade : query.path("grades")) {
            best = Math.max(best, grade.asInt());
        }
        int top = best;
        Set<String> files = new java.util.HashSet<>();
        query.path("grades").fields().forEachRemaining(e -> {
            if (e.getValue().asInt() == top) {
                files.add(e.getKey());
            }
        });
        return files.stream().map(IDS::get).collect(Collectors.toSet());
    }

    private static boolean hasDiacritics(String word) {
        String stripped = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace("đ", "d")
                .replace("Đ", "D");
        return !stripped.equals(word);
    }
}
