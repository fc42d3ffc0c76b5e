package vn.sohoa.app.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.sohoa.core.text.TextMetrics;

/**
 * What one engine read of the corpus, how long it took and the CPU time it used: the text of each
 * page of each document.
 */
record EngineRun(String engine, double seconds, double cpuSeconds, Map<String, List<String>> pagesByFile) {

    /** The figures of this run against the ground truth. */
    Figures figures(ScannedCorpus corpus) {
        long errors = 0;
        long length = 0;
        long words = 0;
        long found = 0;
        double worstPage = 0;
        String worst = "";
        for (ScannedCorpus.Document doc : corpus.documents()) {
            List<String> read = pagesByFile.getOrDefault(doc.file(), List.of());
            String readText = String.join("\n\n", read);
            errors += TextMetrics.distance(doc.fullText(), readText);
            length += TextMetrics.normalise(doc.fullText()).length();
            words += TextMetrics.words(doc.fullText()).size();
            found += TextMetrics.wordsFound(doc.fullText(), readText);
            for (int i = 0; i < doc.pages().size(); i++) {
                String page = i < read.size() && read.size() == doc.pages().size() ? read.get(i) : readText;
                double cer = (double) TextMetrics.distance(doc.pages().get(i), page)
                        / Math.max(1, TextMetrics.normalise(doc.pages().get(i)).length());
                if (cer > worstPage) {
                    worstPage = cer;
                    worst = doc.file() + " p." + (i + 1);
                }
            }
        }
        return new Figures(engine, seconds, cpuSeconds, corpus.pageCount() * 60 / seconds, (double) errors / length,
                (double) found / words, worstPage, worst);
    }

    record Figures(String engine, double seconds, double cpuSeconds, double pagesPerMinute, double cer,
                   double wordRecall, double worstPageCer, String worstPage) {

        String row() {
            return String.format(Locale.ROOT, "%-22s %8.1f %8.1f %10.1f %8.2f %12.2f %10.1f  %s", engine, seconds,
                    cpuSeconds, pagesPerMinute, cer * 100, wordRecall * 100, worstPageCer * 100, worstPage);
        }
    }
}
