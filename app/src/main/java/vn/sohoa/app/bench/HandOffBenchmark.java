package vn.sohoa.app.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import javax.imageio.ImageIO;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.ProducerTemplate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import vn.sohoa.app.TemporaryArchive;
import vn.sohoa.core.document.Word;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.work.PageQueues;
import vn.sohoa.ocr.PageText;
import vn.sohoa.ocr.PdfPageImage;
import vn.sohoa.ocr.work.BrokerConnection;
import vn.sohoa.ocr.work.PageCheckpoints;
import vn.sohoa.ocr.work.PageJob;
import vn.sohoa.ocr.work.PageResult;

/**
 * The CPU a page's hand-off costs: what the broker path adds over reading the page in the process
 * that archives it, OCR and rendering aside (a worker renders the page instead of the pipeline, and
 * encodes the PDF/A page's image, which the pipeline did before too). For each page, as the product
 * does it: the page message sent and received, the worker's look for a stored outcome, the result
 * (text, word boxes, PDF/A image) stored, the done notice sent and received, the result read back;
 * for each document: the original fetched by a worker, the start marked, the work objects deleted
 * once the record is stored. Word boxes are made from the corpus' true text, so the result is the
 * size of a real one.
 *
 * <p>CPU is measured over every process (sohoa with its broker, storage, the index), once around a
 * whole loop over the pages, never per page (reading {@code /proc} costs milliseconds). A part's
 * cost is the loop's CPU minus that of the same loop without the part. Grey and colour pages are
 * looped over apart; every loop runs {@link #ROUNDS} times, interleaved, after {@link #WARM_UP_LOOPS}
 * loops of warm-up.
 */
final class HandOffBenchmark {

    private static final int ROUNDS = 3;
    /** Loops run first, unmeasured: the figures are those of an archive that has been reading for a while. */
    private static final int WARM_UP_LOOPS = 10;
    /** Pages a measured loop goes through at least: CPU times are counted in 10 ms ticks a process. */
    private static final int LOOP_PAGES = 40;
    private static final String QUEUE = "sohoa.bench.pages";
    private static final String NOTICES = "sohoa.bench.done";

    enum Part { ORIGINAL, MESSAGES, STORAGE }

    private record Page(String document, PageJob job, boolean colour, PageResult result) {
    }

    private final ObjectStore store;
    private final PageCheckpoints checkpoints;
    private final ProducerTemplate producer;
    private final Receivers receivers;
    private final Path fetched;

    private HandOffBenchmark(ObjectStore store, ProducerTemplate producer, Receivers receivers, Path fetched) {
        this.store = store;
        this.checkpoints = new PageCheckpoints(store);
        this.producer = producer;
        this.receivers = receivers;
        this.fetched = fetched;
    }

    /**
     * The receiving ends as the product has them, open for as long as it runs: a worker's consumer
     * of pages in a transacted session (committed once the result is stored), and the pipeline's
     * consumer of done notices. The sends go through Camel, as the product's do.
     */
    private static final class Receivers implements AutoCloseable {
        private final Connection connection;
        private final Session worker;
        private final MessageConsumer pages;
        private final MessageConsumer notices;

        Receivers(String brokerUrl) throws JMSException {
            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
            factory.setConsumerWindowSize(0);
            connection = factory.createConnection();
            worker = connection.createSession(true, Session.SESSION_TRANSACTED);
            pages = worker.createConsumer(worker.createQueue(QUEUE));
            Session pipeline = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            notices = pipeline.createConsumer(pipeline.createTopic(NOTICES));
            connection.start();
        }

        PageJob page() throws JMSException {
            return PageJob.fromJson(((TextMessage) pages.receive(10_000)).getText());
        }

        void commit() throws JMSException {
            worker.commit();
        }

        PageJob notice() throws JMSException {
            return PageJob.fromJson(((TextMessage) notices.receive(10_000)).getText());
        }

        @Override
        public void close() throws JMSException {
            connection.close();
        }
    }

    static void run(ScannedCorpus corpus, PrintStream out) throws Exception {
        try (TemporaryArchive archive = TemporaryArchive.start(Map.of("sohoa.ocr.in-process", "false"))) {
            ObjectStore store = ObjectStore.connect(archive.sohoa().settings());
            Path fetched = Files.createTempFile("sohoa-bench-original", "");
            try (ProducerTemplate producer = archive.sohoa().camel().createProducerTemplate();
                 Receivers receivers = new Receivers(archive.sohoa().settings().brokerUrl())) {
                HandOffBenchmark bench = new HandOffBenchmark(store, producer, receivers, fetched);
                List<Page> pages = bench.pages(corpus);
                List<Page> grey = pages.stream().filter(p -> !p.colour()).toList();
                List<Page> colour = pages.stream().filter(Page::colour).toList();
                for (int loop = 0; loop < WARM_UP_LOOPS; loop++) {
                    bench.loop(pages, EnumSet.noneOf(Part.class));
                }
                Map<String, double[]> millis = new LinkedHashMap<>();
                for (int round = 0; round < ROUNDS; round++) {
                    for (List<Page> kind : List.of(grey, colour)) {
                        if (kind.isEmpty()) {
                            continue;
                        }
                        String name = kind == grey ? "grey" : "colour";
                        add(millis, name, -1, bench.loop(kind, EnumSet.noneOf(Part.class)));
                        for (Part part : Part.values()) {
                            add(millis, name, part.ordinal(), bench.loop(kind, EnumSet.of(part)));
                        }
                    }
                }
                print(out, millis, grey.size(), colour.size());
            } finally {
                Files.deleteIfExists(fetched);
            }
        }
    }

    /** Sums the whole loop's CPU ms a page ({@code part} -1) and the loops' without one part. */
    private static void add(Map<String, double[]> millis, String kind, int part, double seconds) {
        millis.computeIfAbsent(kind, k -> new double[Part.values().length + 1])[part + 1] += seconds * 1000 / ROUNDS;
    }

    private static void print(PrintStream out, Map<String, double[]> millis, int greyPages, int colourPages) {
        out.printf(Locale.ROOT, "%nhand-off per page, CPU ms of sohoa with its broker, storage and index, whole loops "
                + "over the pages, mean of %d rounds after %d loops of warm-up (a part: the loop without it, "
                + "subtracted):%n%-8s %6s %8s %10s %10s %8s%n", ROUNDS, WARM_UP_LOOPS,
                "pages", "count", "total", "original", "messages", "storage");
        for (Map.Entry<String, double[]> kind : millis.entrySet()) {
            double[] m = kind.getValue();
            out.printf(Locale.ROOT, "%-8s %6d %8.1f %10.1f %10.1f %8.1f%n", kind.getKey(),
                    kind.getKey().equals("grey") ? greyPages : colourPages, m[0], m[0] - m[1], m[0] - m[2], m[0] - m[3]);
        }
        if (millis.size() == 2) {
            double all = (millis.get("grey")[0] * greyPages + millis.get("colour")[0] * colourPages)
                    / (greyPages + colourPages);
            out.printf(Locale.ROOT, "%-8s %6d %8.1f%n", "all", greyPages + colourPages, all);
        }
    }

    /**
     * CPU seconds a page of loops over the pages (as many passes as make {@link #LOOP_PAGES}), every
     * process counted, without the parts left out.
     */
    private double loop(List<Page> pages, Set<Part> leftOut) throws Exception {
        int passes = (LOOP_PAGES + pages.size() - 1) / pages.size();
        Measurement measurement = Measurement.start();
        for (int pass = 0; pass < passes; pass++) {
            loopOnce(pages, leftOut);
        }
        return measurement.cpuSecondsSince() / passes / pages.size();
    }

    private void loopOnce(List<Page> pages, Set<Part> leftOut) throws Exception {
        String document = null;
        for (Page page : pages) {
            if (!page.document().equals(document)) {
                if (document != null) {
                    finish(document, leftOut);
                }
                document = page.document();
                if (!leftOut.contains(Part.ORIGINAL)) {
                    try (InputStream in = store.openOriginal(document)) {
                        Files.copy(in, fetched, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                if (!leftOut.contains(Part.STORAGE)) {
                    checkpoints.begin(document);
                }
            }
            PageJob job = page.job();
            if (!leftOut.contains(Part.MESSAGES)) {
                producer.sendBodyAndHeaders("jms:queue:" + QUEUE + "?preserveMessageQos=true", job.toJson(),
                        Map.of("JMSPriority", PageQueues.priority(job.page()), BrokerConnection.DOCUMENT, job.document(),
                                BrokerConnection.PAGE, job.page()));
                job = receivers.page();
            }
            if (!leftOut.contains(Part.STORAGE)) {
                if (checkpoints.isDone(job.document(), job.page())) {
                    throw new IllegalStateException("page " + job.key() + " is stored already");
                }
                checkpoints.put(job.document(), page.result());
            }
            if (!leftOut.contains(Part.MESSAGES)) {
                producer.sendBody("jms:topic:" + NOTICES, job.toJson());
                receivers.commit();
                job = receivers.notice();
            }
            if (!leftOut.contains(Part.STORAGE)) {
                checkpoints.find(job.document(), job.page()).orElseThrow();
            }
        }
        if (document != null) {
            finish(document, leftOut);
        }
    }

    private void finish(String document, Set<Part> leftOut) throws Exception {
        if (!leftOut.contains(Part.STORAGE)) {
            checkpoints.forget(document);
        }
    }

    /** Stores the originals and makes each page's result as a worker would (not measured). */
    private List<Page> pages(ScannedCorpus corpus) throws Exception {
        List<Page> pages = new ArrayList<>();
        for (ScannedCorpus.Document document : corpus.documents()) {
            Path file = corpus.dir().resolve(document.file());
            String id = document.file().replaceAll("[^A-Za-z0-9.]", "_");
            store.putOriginal(id, file, document.file(), "application/octet-stream", Instant.now());
            List<BufferedImage> images = images(file);
            for (int n = 1; n <= images.size(); n++) {
                BufferedImage image = images.get(n - 1);
                String truth = n <= document.pages().size() ? document.pages().get(n - 1) : "";
                PageText text = new PageText(n, truth, 90, 0, image.getWidth(), image.getHeight(), words(truth), null);
                pages.add(new Page(id, PageJob.pdfPage(id, n - 1, 300, false),
                        image.getColorModel().getNumColorComponents() > 1,
                        new PageResult(text, PdfPageImage.of(image, 300, false))));
            }
        }
        return pages;
    }

    /** The page's true words with boxes laid out in lines, as many and as long as OCR would give. */
    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int line = 0; line < lines.length; line++) {
            int x = 200;
            for (String word : lines[line].trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(new Word(word, x, 200 + line * 60, word.length() * 28, 40, 91.5f, line));
                    x += word.length() * 28 + 20;
                }
            }
        }
        return words;
    }

    private static List<BufferedImage> images(Path file) throws IOException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            List<BufferedImage> pages = new ArrayList<>();
            try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
                PDFRenderer renderer = new PDFRenderer(pdf);
                for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                    pages.add(renderer.renderImageWithDPI(i, 300, ImageType.GRAY));
                }
            }
            return pages;
        }
        BufferedImage image = ImageIO.read(file.toFile());
        return image == null ? List.of() : List.of(image);
    }
}
