package vn.sohoa.pipeline.pdfa;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import vn.sohoa.core.document.Word;
import vn.sohoa.ocr.PdfPageImage;

/**
 * The digitisation copy of a scanned document that Thông tư 05/2025 asks for: a two-layer PDF/A-2b,
 * each page the image that was OCRed (upright, deskewed) under its words as invisible text.
 *
 * <p>Pages may be added in any order and from several threads, as OCR finishes them; each page's
 * image goes to a temporary file at once (the document is backed by one), so a long scan is never
 * held in memory. {@link #save} writes the pages in their order; {@link #close} deletes the
 * temporary files.
 */
public final class SearchablePdf implements AutoCloseable {

    /** Liberation Sans, shipped inside PDFBox: it draws every Vietnamese letter, and is embedded as a subset. */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float POINTS_PER_INCH = 72;
    /** The longest page side PDF/A allows (200 inches); a larger page, which no paper is, is shown smaller. */
    private static final float MAX_PAGE_SIDE = 14_400;

    private final Path tempDir;
    private final PDDocument document;
    private final TextLayer textLayer;
    private final Map<Integer, PDPage> pages = new TreeMap<>();
    private Path saved;

    public SearchablePdf(Path tempDir) throws IOException {
        this.tempDir = Files.createDirectories(tempDir);
        this.document = new PDDocument(MemoryUsageSetting.setupTempFileOnly().setTempDir(tempDir.toFile()).streamCache);
        try {
            this.textLayer = new TextLayer(PDType0Font.load(document, font(document), true));
        } catch (IOException | RuntimeException e) {
            document.close();
            throw e;
        }
    }

    /**
     * The text layer's font, without glyph substitution: PDFBox would otherwise look up ligatures for
     * every word shown, which costs more than the rest of the text layer, for text nobody sees.
     */
    private static TrueTypeFont font(PDDocument document) throws IOException {
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IOException("PDFBox no longer ships " + FONT);
            }
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in));
            document.registerTrueTypeFontForClosing(font);
            font.setEnableGsub(false);
            return font;
        }
    }

    /**
     * An OCRed page: its image, and over it the words read on it.
     *
     * @param image   the image the word boxes refer to
     * @param dpi     its resolution, which gives the page its size
     * @param bilevel stored black and white (CCITT Group 4) rather than as a grey JPEG
     */
    public void addPage(int number, BufferedImage image, int dpi, boolean bilevel, List<Word> words)
            throws IOException {
        addPage(number, PdfPageImage.of(image, dpi, bilevel), words);
    }

    /** An OCRed page whose image was encoded where it was read, under the words read on it. */
    public void addPage(int number, PdfPageImage image, List<Word> words) throws IOException {
        synchronized (this) {
            PDImageXObject xObject;
            if (PdfPageImage.GROUP4.equals(image.encoding())) {
                xObject = new PDImageXObject(document, new ByteArrayInputStream(image.bytes()),
                        COSName.CCITTFAX_DECODE, image.width(), image.height(), 1, PDDeviceGray.INSTANCE);
                xObject.getCOSObject().setItem(COSName.DECODE_PARMS, image.group4Parameters());
            } else {
                PDColorSpace colours = PdfPageImage.JPEG_GREY.equals(image.encoding()) ? PDDeviceGray.INSTANCE
                        : PDDeviceRGB.INSTANCE;
                xObject = new PDImageXObject(document, new ByteArrayInputStream(image.bytes()), COSName.DCT_DECODE,
                        image.width(), image.height(), 8, colours);
            }
            addPage(number, xObject, image.dpi(), words);
        }
    }

    /** A page kept as an image only: a page that was not OCRed (its text came from the file) has no word boxes. */
    public void addImagePage(int number, BufferedImage image, int dpi) throws IOException {
        addPage(number, image, dpi, false, List.of());
    }

    private void addPage(int number, PDImageXObject image, int dpi, List<Word> words) throws IOException {
        float pointsPerPixel = Math.min(POINTS_PER_INCH / dpi,
                MAX_PAGE_SIDE / Math.max(image.getWidth(), image.getHeight()));
        PDRectangle size = new PDRectangle(image.getWidth() * pointsPerPixel, image.getHeight() * pointsPerPixel);
        PDPage page = new PDPage(size);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.drawImage(image, 0, 0, size.getWidth(), size.getHeight());
            if (!words.isEmpty()) {
                textLayer.write(content, words, pointsPerPixel, size.getHeight());
            }
        }
        pages.put(number, page);
    }

    /** The copy's file name: the original's, ending in {@code .pdf}. */
    public static String fileNameFor(String originalName) {
        int dot = originalName.lastIndexOf('.');
        return (dot > 0 ? originalName.substring(0, dot) : originalName) + ".pdf";
    }

    /**
     * Deletes what copies left in the folder when their process was killed: files untouched for a
     * day (a copy being built is written to all the time).
     */
    public static void deleteAbandoned(Path tempDir) throws IOException {
        if (!Files.isDirectory(tempDir)) {
            return;
        }
        Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tempDir)) {
            for (Path file : files) {
                if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(dayAgo)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    public synchronized int pageCount() {
        return pages.size();
    }

    /**
     * Writes the PDF/A, pages in their order, to a temporary file that {@link #close} deletes. Once
     * saved, later calls return the same file.
     *
     * @param title the document's title, for the PDF's metadata
     */
    public synchronized Path save(String title) throws IOException {
        if (saved != null) {
            return saved;
        }
        pages.values().forEach(document::addPage);
        PdfaIdentity.declare(document, title);
        Path file = Files.createTempFile(tempDir, "pdfa-", ".pdf");
        try {
            // Without object streams: plain cross-reference tables, readable by any PDF/A reader.
            document.save(file.toFile(), CompressParameters.NO_COMPRESSION);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        saved = file;
        return saved;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            document.close();
        } finally {
            if (saved != null) {
                Files.deleteIfExists(saved);
            }
        }
    }
}
