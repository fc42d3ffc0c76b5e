package vn.sohoa.ocr.work;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StorageException;
import vn.sohoa.ocr.ImageFrames;
import vn.sohoa.ocr.PageImage;

/**
 * Makes a page's image from the document's original, as the pipeline described it: a PDF page
 * rendered, an image frame decoded. Each reading thread keeps the PDF it rendered last open, for
 * the document's next pages.
 */
public final class PageSources implements AutoCloseable {

    private final LocalOriginals originals;
    private final ThreadLocal<OpenPdf> lastPdf = new ThreadLocal<>();

    public PageSources(ObjectStore store) throws IOException {
        this.originals = new LocalOriginals(store);
    }

    /** The page's image; none when its document's original is no longer stored (its file failed meanwhile). */
    public Optional<PageImage> image(PageJob job) throws StorageException, IOException, UnreadablePage {
        Optional<Path> original = originals.of(job.document());
        if (original.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PageJob.PDF_PAGE.equals(job.source()) ? pdfPage(job, original.get())
                    : imageFrame(job, original.get()));
        } catch (OutOfMemoryError e) {
            throw new UnreadablePage(UnreadablePage.Cause.TOO_COMPLEX, "out of memory making page " + job.page());
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new UnreadablePage(UnreadablePage.Cause.DAMAGED, "page " + job.page() + ": " + e);
        }
    }

    private PageImage pdfPage(PageJob job, Path original) throws IOException {
        OpenPdf pdf = lastPdf.get();
        if (pdf == null || !pdf.document().equals(job.document())) {
            if (pdf != null) {
                pdf.pdf().close();
            }
            PDDocument opened = Loader.loadPDF(original.toFile());
            pdf = new OpenPdf(job.document(), opened, new PDFRenderer(opened));
            lastPdf.set(pdf);
        }
        BufferedImage image = pdf.renderer().renderImageWithDPI(job.index(), job.dpi(),
                job.colour() ? ImageType.RGB : ImageType.GRAY);
        return new PageImage(job.page(), image, job.dpi());
    }

    private static PageImage imageFrame(PageJob job, Path original) throws IOException {
        try (ImageFrames frames = ImageFrames.open(original)) {
            BufferedImage image = frames.read(job.index());
            return new PageImage(job.page(), image, frames.dpi(job.index(), image));
        }
    }

    private record OpenPdf(String document, PDDocument pdf, PDFRenderer renderer) {
    }

    @Override
    public void close() throws IOException {
        originals.close();
    }
}
