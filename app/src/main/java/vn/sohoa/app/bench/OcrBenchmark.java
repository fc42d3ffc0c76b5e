package vn.sohoa.app.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * sohoa against plain Tesseract and OCRmyPDF on the same scanned pages of a corpus, in one run:
 * wall time, CPU time, pages per minute, pooled character error rate, word recall, worst page, and
 * the ratios.
 */
public final class OcrBenchmark {

    private OcrBenchmark() {
    }

    public static void run(Path corpusDir, String language, PrintStream out) throws Exception {
        ScannedCorpus corpus = ScannedCorpus.load(corpusDir);
        out.printf(Locale.ROOT, "OCR benchmark: %d scanned documents, %d pages, %s, language %s, %d cores%n%n",
                corpus.documents().size(), corpus.pageCount(), corpusDir, language,
                Runtime.getRuntime().availableProcessors());
        List<EngineRun.Figures> figures = new ArrayList<>();
        figures.add(SohoaRun.run(corpus, language).figures(corpus));
        figures.add(PeerRuns.tesseract(corpus, language).figures(corpus));
        if (PeerRuns.installed("ocrmypdf")) {
            figures.add(PeerRuns.ocrmypdf(corpus, language).figures(corpus));
        } else {
            out.println("ocrmypdf is not installed (apt-get install ocrmypdf): skipped");
        }
        out.printf(Locale.ROOT, "%-22s %8s %8s %10s %8s %12s %10s  %s%n", "engine", "wall s", "CPU s", "pages/min",
                "CER %", "word rec. %", "worst pg %", "worst page");
        figures.forEach(f -> out.println(f.row()));
        EngineRun.Figures sohoa = figures.get(0);
        out.println();
        for (EngineRun.Figures peer : figures.subList(1, figures.size())) {
            out.printf(Locale.ROOT, "sohoa / %-18s speed %.2fx, CPU time %.2fx, CER %.2fx, word recall %+.2f points%n",
                    peer.engine(), sohoa.pagesPerMinute() / peer.pagesPerMinute(), sohoa.cpuSeconds() / peer.cpuSeconds(),
                    sohoa.cer() / peer.cer(), (sohoa.wordRecall() - peer.wordRecall()) * 100);
        }
    }
}
