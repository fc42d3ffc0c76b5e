package vn.sohoa.app.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import vn.sohoa.core.text.TextMetrics;
import vn.sohoa.ocr.OcrPool;
import vn.sohoa.ocr.OcrSettings;
import vn.sohoa.ocr.PageImage;
import vn.sohoa.ocr.PageText;
import vn.sohoa.pipeline.extraction.PageColours;

/**
 * sohoa's OCR on the corpus's scanned pages changed in the ways scans arrive ({@link ScanVariant}):
 * the character error rate of each page in each variant against the page's ground truth, pooled per
 * variant, and the pages read worse than the bound of 20 %. Pages the corpus has not got,
 * made from the pages it has.
 */
public final class OcrVariants {

    private static final double PAGE_BOUND = 0.20;
    /** For pages whose truth gives no resolution: a PDF's is rendered at this, an image's is guessed as A4. */
    private static final int RENDER_DPI = 300;
    private static final double A4_LONG_SIDE_INCHES = 11.69;

    private OcrVariants() {
    }

    public static void run(Path corpusDir, Path tessdata, String language, PrintStream out) throws Exception {
        ScannedCorpus corpus = ScannedCorpus.load(corpusDir);
        ScanVariant[] variants = ScanVariant.values();
        Map<ScanVariant, long[]> pooled = new EnumMap<>(ScanVariant.class);
        List<String> overBound = new ArrayList<>();
        out.printf(Locale.ROOT, "Character error rate %% of each page as changed (r: read turned upright)%n%-40s",
                "page");
        for (ScanVariant variant : variants) {
            out.printf(Locale.ROOT, "%12s", variant.label);
        }
        out.println();
        int cores = Runtime.getRuntime().availableProcessors();
        try (OcrPool ocr = new OcrPool(new OcrSettings(tessdata, language, cores))) {
            for (ScannedCorpus.Document doc : corpus.documents()) {
                List<PageImage> pages = pages(corpusDir.resolve(doc.file()), doc.dpis());
                for (PageImage page : pages) {
                    String name = doc.file() + " p." + page.number();
                    String truth = doc.pages().get(page.number() - 1);
                    Map<ScanVariant, CompletableFuture<PageText>> readings = new EnumMap<>(ScanVariant.class);
                    for (ScanVariant variant : variants) {
                        readings.put(variant, ocr.read(variant.of(page)));
                    }
                    out.printf(Locale.ROOT, "%-40s", name.length() > 39 ? name.substring(0, 39) : name);
                    for (ScanVariant variant : variants) {
                        PageText read = readings.get(variant).get();
                        int errors = TextMetrics.distance(truth, read.text());
                        int length = TextMetrics.normalise(truth).length();
                        long[] sums = pooled.computeIfAbsent(variant, v -> new long[2]);
                        sums[0] += errors;
                        sums[1] += length;
                        double cer = (double) errors / Math.max(1, length);
                        if (cer > PAGE_BOUND) {
                            overBound.add(name + " " + variant.label);
                        }
                        out.printf(Locale.ROOT, "%11.1f%s", cer * 100, read.rotation() != 0 ? "r" : " ");
                    }
                    out.println();
                }
            }
        }
        out.printf(Locale.ROOT, "%-40s", "pooled");
        for (ScanVariant variant : variants) {
            long[] sums = pooled.get(variant);
            out.printf(Locale.ROOT, "%11.2f ", 100.0 * sums[0] / Math.max(1, sums[1]));
        }
        out.printf(Locale.ROOT, "%nPages above %.0f %%: %s%n", PAGE_BOUND * 100,
                overBound.isEmpty() ? "none" : overBound);
    }

    /**
     * The document's pages as the archive reads them: a PDF's rendered at their resolution, an
     * image file's frames.
     */
    private static List<PageImage> pages(Path file, List<Integer> dpis) throws IOException {
        List<PageImage> pages = new ArrayList<>();
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
                PDFRenderer renderer = new PDFRenderer(pdf);
                for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                    int dpi = dpis.get(i) > 0 ? dpis.get(i) : RENDER_DPI;
                    BufferedImage image = renderer.renderImageWithDPI(i, dpi, PageColours.renderingFor(pdf.getPage(i)));
                    pages.add(new PageImage(i + 1, image, dpi));
                }
            }
            return pages;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in);
                for (int i = 0; i < reader.getNumImages(true); i++) {
                    BufferedImage image = reader.read(i);
                    int dpi = dpis.get(i) > 0 ? dpis.get(i)
                            : (int) Math.round(Math.max(image.getWidth(), image.getHeight()) / A4_LONG_SIDE_INCHES);
                    pages.add(new PageImage(i + 1, image, dpi));
                }
            } finally {
                reader.dispose();
            }
        }
        return pages;
    }
}
