package vn.sohoa.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.sohoa.core.document.Json;

/**
 * The web page's speed in a real browser against the running archive with the corpus archived
 * (issue 15's targets): from Enter to the first results painted over the corpus's queries, a
 * document page to its first page image, and the JavaScript and CSS of a first load. A benchmark,
 * not a test (its name matches no test pattern); run it with
 * {@code mvn -o verify -Dit.test=WebBench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints its figures and writes them to {@code target/web-bench.txt}.
 */
@ExtendWith(RunningArchive.Extension.class)
class WebBench {

    private static final int ROUNDS = 3;

    @Test
    void measure() throws Exception {
        RunningArchive archive = RunningArchive.get();
        CorpusDossier.archive(archive);
        List<String> queries = new ArrayList<>();
        for (String line : Files.readAllLines(RunningArchive.corpus().resolve("queries.jsonl"))) {
            JsonNode query = Json.MAPPER.readTree(line);
            if (!query.path("query").asText().isBlank()) {
                queries.add(query.path("query").asText());
            }
        }
        StringBuilder report = new StringBuilder();
        try (Browser browser = new Browser(archive)) {
            browser.signIn();
            browser.open("/?folder=" + URLEncoder.encode(CorpusDossier.NAME, StandardCharsets.UTF_8));
            browser.awaitResults();
            // What the search page loaded, each file fetched again for its size (a cached file reports none).
            long bytes = ((Number) browser.asyncScript("const done = arguments[arguments.length - 1];"
                    + "const files = [...new Set(performance.getEntriesByType('resource').map(r => r.name)"
                    + ".filter(n => /\\.(js|css)$/.test(new URL(n).pathname)))];"
                    + "Promise.all(files.map(f => fetch(f, {cache: 'no-store'}).then(r => r.arrayBuffer())))"
                    + ".then(all => done(all.reduce((sum, b) => sum + b.byteLength, 0)));")).longValue();
            report.append(String.format(Locale.ROOT, "first load of the search page, JavaScript and CSS: %.1f KB "
                    + "uncompressed%n", bytes / 1024.0));

            List<Double> searches = new ArrayList<>();
            List<Double> answers = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (String query : queries) {
                    browser.script("performance.clearMeasures('sohoa-results-painted');"
                            + "performance.clearResourceTimings();");
                    browser.search(query);
                    browser.await("the search's timing", d -> ((Number) browser.script(
                            "return performance.getEntriesByName('sohoa-results-painted').length;")).intValue() > 0);
                    searches.add(((Number) browser.script(
                            "return performance.getEntriesByName('sohoa-results-painted')[0].duration;")).doubleValue());
                    answers.add(((Number) browser.script("return performance.getEntriesByType('resource')"
                            + ".filter(r => r.name.includes('/api/search')).map(r => r.duration).pop() || 0;"))
                            .doubleValue());
                }
            }
            report.append(String.format(Locale.ROOT, "Enter to results painted, %d searches: median %.0f ms, p95 %.0f ms, "
                    + "max %.0f ms; of which the API's answer: median %.0f ms, p95 %.0f ms%n", searches.size(),
                    percentile(searches, 50), percentile(searches, 95), Collections.max(searches),
                    percentile(answers, 50), percentile(answers, 95)));

            for (String pass : List.of("first views, images made on demand", "again, images kept in storage")) {
                List<Double> pages = new ArrayList<>();
                int without = 0;
                for (String file : CorpusDossier.files()) {
                    String id = RunningArchive.sha256(Files.readAllBytes(RunningArchive.corpus().resolve(file)));
                    // The browser's cache emptied each time: the server's time is measured, as on a colleague's PC.
                    browser.driver().executeCdpCommand("Network.clearBrowserCache", java.util.Map.of());
                    browser.driver().get(archive.url("/documents/" + id + "?bench=" + System.nanoTime()));
                    browser.await("the first page image of " + file, Duration.ofMinutes(1), d -> Boolean.TRUE.equals(
                            browser.script("return performance.getEntriesByName('sohoa-page-image-painted').length > 0"
                                    + " || (document.querySelector('.page-missing') !== null"
                                    + " && !document.querySelector('.page-missing').hidden);")));
                    Number painted = (Number) browser.script("const m = performance.getEntriesByName("
                            + "'sohoa-page-image-painted'); return m.length > 0 ? m[0].duration : null;");
                    if (painted == null) {
                        without++;
                    } else {
                        pages.add(painted.doubleValue());
                    }
                }
                if (pages.isEmpty()) {
                    report.append("document page to its first page image: not measured, the API serves no page images\n");
                    break;
                }
                report.append(String.format(Locale.ROOT, "document page to its first page image painted, %d documents "
                        + "(%s; %d without an image): median %.0f ms, p95 %.0f ms, max %.0f ms%n", pages.size(), pass,
                        without, percentile(pages, 50), percentile(pages, 95), Collections.max(pages)));
            }
        }
        System.out.print(report);
        Files.writeString(Path.of("target", "web-bench.txt"), report);
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(rank, sorted.size() - 1)));
    }
}
