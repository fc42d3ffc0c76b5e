package vn.sohoa.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", description = "Searches the running archive and prints the hits.")
final class SearchCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "What to look for, with or without diacritics; \"quoted phrases\" match as phrases.")
    String query;

    @Option(names = "--size", defaultValue = "10", description = "Hits to show (default 10).")
    int size;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Address of the running sohoa.")
    String url;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        JsonNode result = new ApiClient(url).get("/api/search?size=" + size + "&q=" + ApiClient.encode(query));
        out.println(result.path("total").asLong() + " tài liệu");
        int rank = 1;
        for (JsonNode hit : result.path("hits")) {
            out.printf("%n%d. %s  [%s]%n   /api/documents/%s%n", rank++, hit.path("title").asText(),
                    hit.path("fileName").asText(), hit.path("id").asText());
            for (JsonNode snippet : hit.path("snippets")) {
                out.println("   … " + plain(snippet.asText()) + " …");
            }
        }
        return 0;
    }

    private static String plain(String snippet) {
        return snippet.replace("<mark>", "«").replace("</mark>", "»").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&").replaceAll("\\s+", " ");
    }
}
