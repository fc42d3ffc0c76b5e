package vn.sohoa.pipeline.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.IntConsumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;
import vn.sohoa.core.document.Page;
import vn.sohoa.core.text.EncodingsFound;
import vn.sohoa.core.text.LegacyVietnamese;
import vn.sohoa.core.text.VietnameseText;
import vn.sohoa.core.storage.StorageException;
import vn.sohoa.core.work.BrokerException;
import vn.sohoa.ocr.ImageFrames;
import vn.sohoa.ocr.PageText;
import vn.sohoa.ocr.work.PageJob;
import vn.sohoa.ocr.work.PageResult;
import vn.sohoa.ocr.work.UnreadablePage;
import vn.sohoa.pipeline.pdfa.SearchablePdf;

/**
 * Reads the text of a file by what its content is, not by its name: scanned images are OCRed page
 * by page; a PDF keeps its text layer where a page has one and OCRs the pages that have none;
 * born-digital office and web documents are read by Tika without OCR. A document with an OCRed
 * page also gets its two-layer PDF/A copy, built page by page as OCR finishes each one. Pages are
 * read by the OCR workers ({@link PageDispatch}); a page read before a crash is not read again.
 */
public class DocumentExtractor {

    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/tiff", "image/bmp",
            "image/x-ms-bmp", "image/gif");
    private static final Set<String> TEXT_DOCUMENT_TYPES = Set.of(
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.oasis.opendocument.text",
            "application/rtf",
            "text/html",
            "application/xhtml+xml",
            "text/plain");
    /** The largest page image read: A0 at 300 dpi. A larger one is refused, or a PDF page rendered smaller. */
    static final long MAX_PAGE_PIXELS = 140_000_000L;
    /** A PDF page with fewer letters than this in its text layer is a scan and is OCRed. */
    private static final int MIN_TEXT_LAYER_LETTERS = 20;
    /**
     * Pages of a mixed PDF that kept their text layer are imaged for the PDF/A copy at the least
     * resolution Thông tư 05 allows: their text is in the original, not read off this image.
     */
    private static final int TEXT_PAGE_COPY_DPI = 200;

    private final PageDispatch pages;
    private final int renderDpi;
    private final Path tempDir;
    private final Semaphore inOcr;
    /** Tika's configuration, loaded once: its detectors and parsers. */
    private final TikaConfig tika = TikaConfig.getDefaultConfig();
    /**
     * Tika's parsers, told the type {@link #contentType} found instead of detecting it from the bytes
     * a second time (for a Word file, opening its zip again: a tenth of sohoa's CPU of a born-digital file).
     */
    private final AutoDetectParser parser = parserOfKnownType(tika);

    /**
     * @param tempDir     where the PDF/A copies are built
     * @param ocrAtOnce   documents whose pages are being OCRed at once; a document read without OCR does not wait for them
     */
    public DocumentExtractor(PageDispatch pages, int renderDpi, Path tempDir, int ocrAtOnce) {
        this.pages = pages;
        this.renderDpi = renderDpi;
        this.tempDir = tempDir;
        this.inOcr = new Semaphore(ocrAtOnce, true);
    }

    /** The document is stored: the pages read for it are no longer needed. */
    public void forgetPages(String id) throws StorageException {
        pages.forget(id);
    }

    private static AutoDetectParser parserOfKnownType(TikaConfig config) {
        AutoDetectParser parser = new AutoDetectParser(config);
        parser.setDetector((input, metadata) -> MediaType.parse(metadata.get(Metadata.CONTENT_TYPE)));
        return parser;
    }

    /** The content type, from the bytes alone. */
    public String detect(Path file) throws IOException {
        try (InputStream in = TikaInputStream.get(file)) {
            return MediaType.parse(tika.getDetector().detect(in, new Metadata()).toString()).getBaseType().toString();
        }
    }

    /**
     * What the file holds, from its bytes alone (a file of legacy Vietnamese text is text); an empty
     * file, or one the archive does not take, is refused before anything is stored.
     */
    public String contentType(Path file) throws UnreadableDocumentException, IOException {
        if (Files.size(file) == 0) {
            throw UnreadableDocumentException.empty();
        }
        String type = detect(file);
        if ("application/octet-stream".equals(type) && Files.size(file) <= LegacyDocuments.MAX_BYTES
                && LegacyPlainText.isLegacyText(Files.readAllBytes(file))) {
            type = "text/plain";
        }
        if (!IMAGE_TYPES.contains(type) && !"application/pdf".equals(type) && !TEXT_DOCUMENT_TYPES.contains(type)) {
            throw UnreadableDocumentException.unsupported(type);
        }
        return type;
    }

    /**
     * @param id       the document's id, under which its pages are read; its original is in storage
     * @param type     what the file holds ({@link #contentType})
     * @param pageDone called with each page number as soon as that page's text is known (for progress)
     */
    public Extraction extract(String id, Path file, String type, IntConsumer pageDone)
            throws UnreadableDocumentException, IOException, InterruptedException, StorageException, BrokerException {
        if (IMAGE_TYPES.contains(type)) {
            try (OcrTurn turn = new OcrTurn()) {
                turn.take();
                SearchablePdf digitised = new SearchablePdf(tempDir);
                try {
                    return new Extraction(type, "ocr", null, Map.of(),
                            ocrImage(new Pages(id, pages.earlier(id), pageDone, digitised), file, type), digitised);
                } catch (UnreadableDocumentException | InterruptedException | StorageException | BrokerException
                         | RuntimeException e) {
                    closeQuietly(digitised);
                    throw e;
                }
            }
        }
        if ("application/pdf".equals(type)) {
            try (OcrTurn turn = new OcrTurn()) {
                return pdf(id, file, pageDone, turn);
            }
        }
        if (TEXT_DOCUMENT_TYPES.contains(type)) {
            return bornDigital(file, type, pageDone);
        }
        throw UnreadableDocumentException.unsupported(type);
    }

    /** Each frame of the image is a page, made and read by a worker from the stored original. */
    private List<Page> ocrImage(Pages document, Path file, String type)
            throws UnreadableDocumentException, InterruptedException, StorageException, BrokerException {
        List<CompletableFuture<PageText>> pages = new ArrayList<>();
        try (ImageFrames frames = ImageFrames.open(file)) {
            int count = frames.count();
            for (int i = 0; i < count; i++) {
                if (frames.pixels(i) > MAX_PAGE_PIXELS) {
                    throw UnreadableDocumentException.tooLarge(kindOf(type), frames.width(i), frames.height(i));
                }
                pages.add(read(document, PageJob.imageFrame(document.id(), i)));
            }
        } catch (StorageException | BrokerException e) {
            pages.forEach(p -> p.cancel(true));
            throw e;
        } catch (IOException | RuntimeException e) {
            pages.forEach(p -> p.cancel(true));
            throw UnreadableDocumentException.damaged(kindOf(type), e);
        }
        return collect(pages, kindOf(type));
    }

    /**
     * A PDF's pages in order: the text layer where a page has one, OCR for the others (the document
     * takes its turn among those being OCRed at its first page without text).
     */
    private Extraction pdf(String id, Path file, IntConsumer pageDone, OcrTurn turn) throws UnreadableDocumentException,
            IOException, InterruptedException, StorageException, BrokerException {
        List<CompletableFuture<PageText>> scanned = new ArrayList<>();
        SearchablePdf digitised = null;
        Pages document = null;
        Page[] pages;
        String title;
        Map<String, String> properties = new LinkedHashMap<>();
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            title = pdf.getDocumentInformation().getTitle();
            putIfPresent(properties, "author", pdf.getDocumentInformation().getAuthor());
            putIfPresent(properties, "producer", pdf.getDocumentInformation().getProducer());
            putIfPresent(properties, "creator", pdf.getDocumentInformation().getCreator());
            int pageCount = pageCount(pdf);
            if (pageCount == 0) {
                throw UnreadableDocumentException.damaged("PDF", new IOException("no page could be read"));
            }
            pages = new Page[pageCount];
            PDFTextStripper stripper = new PDFTextStripper();
            PDFRenderer renderer = new PDFRenderer(pdf);
            for (int i = 0; i < pages.length; i++) {
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                String text = tidy(stripper.getText(pdf));
                if (letters(text) >= MIN_TEXT_LAYER_LETTERS) {
                    pages[i] = Page.textLayer(i + 1, text);
                    pageDone.accept(i + 1);
                } else {
                    if (document == null) {
                        turn.take();
                        digitised = new SearchablePdf(tempDir);
                        document = new Pages(id, this.pages.earlier(id), pageDone, digitised);
                    }
                    scanned.add(read(document, PageJob.pdfPage(id, i, dpiWithin(pdf.getPage(i).getMediaBox(), renderDpi),
                            PageColours.renderingFor(pdf.getPage(i)) == ImageType.RGB)));
                }
            }
            if (digitised != null) {
                addTextPages(pdf, renderer, pages, digitised);
            }
        } catch (InvalidPasswordException e) {
            throw UnreadableDocumentException.encrypted();
        } catch (StorageException | BrokerException e) {
            scanned.forEach(p -> p.cancel(true));
            closeQuietly(digitised);
            throw e;
        } catch (OutOfMemoryError e) {
            scanned.forEach(p -> p.cancel(true));
            closeQuietly(digitised);
            throw UnreadableDocumentException.tooComplex("PDF", e);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            scanned.forEach(p -> p.cancel(true));
            closeQuietly(digitised);
            throw UnreadableDocumentException.damaged("PDF", e);
        }
        try {
            for (Page ocred : collect(scanned, "PDF")) {
                pages[ocred.number() - 1] = ocred;
            }
        } catch (InterruptedException | RuntimeException e) {
            closeQuietly(digitised);
            throw e;
        }
        List<Page> all = List.of(pages);
        return new Extraction("application/pdf", Extraction.methodOf(all), blankToNull(title), properties, all,
                digitised);
    }

    /**
     * The pages there are, found by walking the page tree: the count a PDF declares may be anything
     * (a damaged or hostile file claims more than a billion pages for one).
     */
    private static int pageCount(PDDocument pdf) {
        return (int) java.util.stream.StreamSupport.stream(pdf.getPages().spliterator(), false).count();
    }

    /** The pages that kept their text layer go into the PDF/A copy as colour images without a text layer. */
    private static void addTextPages(PDDocument pdf, PDFRenderer renderer, Page[] pages, SearchablePdf digitised)
            throws IOException {
        for (int i = 0; i < pages.length; i++) {
            if (pages[i] != null) {
                int dpi = dpiWithin(pdf.getPage(i).getMediaBox(), TEXT_PAGE_COPY_DPI);
                digitised.addImagePage(i + 1, renderer.renderImageWithDPI(i, dpi, ImageType.RGB), dpi);
            }
        }
    }

    /**
     * Office and web documents and plain text, read by Tika. Text in legacy Vietnamese encodings
     * (TCVN3, VNI, VISCII, windows-1258, UTF-8 read as cp1252) is made Unicode: by the fonts where the
     * format names them (before Tika reads the file), and by its best Vietnamese reading otherwise;
     * the encoding found is recorded as the document's "encoding".
     */
    private Extraction bornDigital(Path file, String type, IntConsumer pageDone) throws UnreadableDocumentException,
            IOException {
        LegacyDocuments.Prepared legacy = Files.size(file) <= LegacyDocuments.MAX_BYTES
                ? LegacyDocuments.prepare(type, Files.readAllBytes(file)) : LegacyDocuments.Prepared.AS_IT_IS;
        Metadata metadata = new Metadata();
        boolean plainTextReadHere = legacy.text() != null && "text/plain".equals(type);
        String tikaText = plainTextReadHere ? null : readWithTika(file, legacy.rewritten(), type, metadata);
        LegacyVietnamese.Converted body = LegacyVietnamese.repair(legacy.text() != null ? legacy.text() : tikaText);
        EncodingsFound found = new EncodingsFound();
        found.addAll(legacy.found());
        found.addAll(body.found());
        String title = metadata.get(TikaCoreProperties.TITLE);
        Map<String, String> properties = new LinkedHashMap<>();
        putIfPresent(properties, "author", metadata.get(TikaCoreProperties.CREATOR));
        putIfPresent(properties, "created", metadata.get(TikaCoreProperties.CREATED));
        putIfPresent(properties, "modified", metadata.get(TikaCoreProperties.MODIFIED));
        putIfPresent(properties, "encoding", found.isEmpty() ? metadata.get(Metadata.CONTENT_ENCODING) : found.label());
        pageDone.accept(1);
        List<Page> pages = List.of(Page.textLayer(1, tidy(body.text())));
        return new Extraction(type, "text", blankToNull(title == null ? null : LegacyVietnamese.repair(title).text()),
                properties, pages, null);
    }

    /**
     * The text Tika reads from the file, or from its rewritten copy (of the same type); fills the
     * metadata. The parser is shared: a new one would load Tika's whole configuration again.
     */
    private String readWithTika(Path file, byte[] rewritten, String type, Metadata metadata)
            throws UnreadableDocumentException, IOException {
        BodyContentHandler text = new BodyContentHandler(-1);
        metadata.set(Metadata.CONTENT_TYPE, type);
        try (InputStream in = rewritten != null ? TikaInputStream.get(rewritten) : TikaInputStream.get(file)) {
            parser.parse(in, text, metadata, new ParseContext());
        } catch (EncryptedDocumentException e) {
            throw new UnreadableDocumentException(
                    "Tệp được đặt mật khẩu nên không đọc được nội dung. Hãy gỡ mật khẩu rồi đưa tệp vào lại.",
                    "encrypted document", e);
        } catch (TikaException | SAXException | RuntimeException e) {
            throw UnreadableDocumentException.damaged(kindOf(type), e);
        }
        return text.toString();
    }

    /**
     * A document's place among those being OCRed at once, taken when its first page goes to OCR and
     * given back once all its pages are read.
     */
    private final class OcrTurn implements AutoCloseable {

        private boolean held;

        void take() throws InterruptedException {
            if (!held) {
                inOcr.acquire();
                held = true;
            }
        }

        @Override
        public void close() {
            if (held) {
                inOcr.release();
                held = false;
            }
        }
    }

    /** The document whose pages are being read, what an earlier run left of it, and where its pages go. */
    private record Pages(String id, PageDispatch.Earlier earlier, IntConsumer pageDone, SearchablePdf digitised) {
    }

    /**
     * The page's OCR: read before (an earlier run stored it), or sent to the workers. Its PDF/A page
     * goes into the copy as soon as it is back.
     */
    private CompletableFuture<PageText> read(Pages document, PageJob job)
            throws IOException, StorageException, BrokerException {
        Optional<PageResult> before = document.earlier().started() ? pages.finished(document.id(), job.page())
                : Optional.empty();
        CompletableFuture<PageResult> result = before.isPresent() ? CompletableFuture.completedFuture(before.get())
                : pages.send(job, document.earlier());
        return result
                .thenApply(read -> addToCopy(read, document.digitised()))
                .whenComplete((text, error) -> {
                    if (error == null) {
                        document.pageDone().accept(text.number());
                    }
                });
    }

    private static PageText addToCopy(PageResult read, SearchablePdf digitised) {
        PageText text = read.text();
        try {
            digitised.addPage(text.number(), read.pdfImage(), text.words());
        } catch (IOException e) {
            throw new UncheckedIOException("Page " + text.number() + " could not be added to the PDF/A copy", e);
        }
        return text;
    }

    private static void closeQuietly(SearchablePdf digitised) {
        if (digitised == null) {
            return;
        }
        try {
            digitised.close();
        } catch (IOException e) {
            // Its temporary files are in the data folder's tmp/; nothing else depends on them.
        }
    }

    /**
     * The render resolution, lowered for an oversized page so that its image stays within
     * {@link #MAX_PAGE_PIXELS} (a map or a malicious 200-inch page must not exhaust memory).
     */
    private static int dpiWithin(PDRectangle box, int dpi) {
        double squareInches = (box.getWidth() / 72.0) * (box.getHeight() / 72.0);
        double pixels = squareInches * dpi * dpi;
        return pixels <= MAX_PAGE_PIXELS ? dpi : Math.max(1, (int) Math.floor(Math.sqrt(MAX_PAGE_PIXELS / squareInches)));
    }

    /** The pages' texts in order; a page that could not be made from the original makes the file unreadable. */
    private static List<Page> collect(List<CompletableFuture<PageText>> futures, String kind)
            throws InterruptedException, UnreadableDocumentException {
        List<Page> pages = new ArrayList<>(futures.size());
        for (CompletableFuture<PageText> future : futures) {
            try {
                PageText text = future.get();
                pages.add(new Page(text.number(), text.text(), Page.OCR, text.confidence(), text.rotation(),
                        text.width(), text.height(), text.words()));
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                if (e.getCause() instanceof UnreadableDocumentException unreadable) {
                    throw unreadable;
                }
                if (e.getCause() instanceof UnreadablePage page) {
                    throw page.why() == UnreadablePage.Cause.TOO_COMPLEX ? UnreadableDocumentException.tooComplex(kind, page)
                            : UnreadableDocumentException.damaged(kind, page);
                }
                throw new IllegalStateException("A page could not be OCRed or copied: " + e.getCause(), e.getCause());
            }
        }
        return pages;
    }

    private static String tidy(String text) {
        String nfc = VietnameseText.nfc(text).replace('\f', '\n').replace('\u00a0', ' ');
        return nfc.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static int letters(String text) {
        return (int) text.codePoints().filter(Character::isLetter).count();
    }

    private static String kindOf(String type) {
        return switch (type) {
            case "image/png" -> "PNG";
            case "image/jpeg" -> "JPEG";
            case "image/tiff" -> "TIFF";
            case "image/bmp", "image/x-ms-bmp" -> "BMP";
            case "application/msword" -> "Word (DOC)";
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "Word (DOCX)";
            case "application/vnd.oasis.opendocument.text" -> "ODT";
            case "application/rtf" -> "RTF";
            case "text/html", "application/xhtml+xml" -> "HTML";
            default -> type;
        };
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, VietnameseText.nfc(value.strip()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : VietnameseText.nfc(value.strip());
    }
}
