package vn.sohoa.ocr;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessOcrEngineMode;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel;
import net.sourceforge.tess4j.ITessAPI.TessPageSegMode;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI1;
import vn.sohoa.core.document.Word;
import vn.sohoa.core.text.VietnameseText;

/**
 * One thread's Tesseract: a handle for reading and a handle for orientation detection, initialised
 * once and reused for every page that thread reads. Never shared between threads.
 */
final class TesseractEngine implements AutoCloseable {

    /**
     * The resolution Tesseract reads best: bilevel scans below {@link #UPSCALE_BELOW} dpi and any
     * scan above {@link #DOWNSCALE_ABOVE} dpi are scaled to it.
     */
    static final int TARGET_DPI = 300;
    static final int UPSCALE_BELOW = 250;
    /** Tesseract's time grows with the pixels, and letters larger than at 300 dpi it reads no better. */
    static final int DOWNSCALE_ABOVE = 360;
    /** Orientation and skew are measured on a copy this many pixels on its long side: about 150 dpi for A4. */
    private static final int OSD_LONG_SIDE = 1750;
    private static final float OSD_MIN_CONFIDENCE = 2.0f;
    /**
     * A page read with a lower mean confidence may be upside down: orientation detection is run
     * then, and on pages whose lines run up and down, instead of on every page.
     */
    private static final int OSD_BELOW_CONFIDENCE = 70;
    /** Tesseract's thresholding methods. */
    private static final String OTSU = "0";
    private static final String SAUVOLA = "2";
    /** Sauvola's k: lower than Tesseract's 0.34 keeps the thin strokes of a red MẬT stamp on a photo. */
    private static final String SAUVOLA_K = "0.2";
    /** A page thinner than this (a strip a scanner left) holds no line of print: it is a blank page, not read. */
    static final int MIN_PRINT_PIXELS = 10;
    /** Skew below this is left alone. */
    private static final double MIN_SKEW_DEGREES = 0.2;

    private final TessBaseAPI reader;
    private final TessBaseAPI orientation;
    private ByteBuffer pixels;

    TesseractEngine(OcrSettings settings) {
        reader = TessAPI1.TessBaseAPICreate();
        init(reader, settings, settings.language());
        TessAPI1.TessBaseAPISetPageSegMode(reader, TessPageSegMode.PSM_AUTO);
        // Scanned records have no white-on-black text: trying each doubtful word inverted only costs time.
        TessAPI1.TessBaseAPISetVariable(reader, "tessedit_do_invert", "0");
        TessAPI1.TessBaseAPISetVariable(reader, "thresholding_kfactor", SAUVOLA_K);
        orientation = TessAPI1.TessBaseAPICreate();
        init(orientation, settings, "osd");
        TessAPI1.TessBaseAPISetPageSegMode(orientation, TessPageSegMode.PSM_OSD_ONLY);
    }

    PageText read(PageImage page) {
        Scan scan = Scan.of(page.image(), page.dpi());
        boolean bilevel = page.image().getColorModel().getPixelSize() == 1;
        if (Math.min(page.image().getWidth(), page.image().getHeight()) < MIN_PRINT_PIXELS) {
            return new PageText(page.number(), "", 0, 0, page.image().getWidth(), page.image().getHeight(), List.of(),
                    new UprightImage(scan.grey(), page.dpi(), bilevel));
        }
        BufferedImage small = downscaled(scan.grey());
        Optional<PaperCrop.Sheet> sheet = PaperCrop.find(small);
        if (sheet.isPresent()) {
            int pictureLongSide = Math.max(scan.grey().getWidth(), scan.grey().getHeight());
            scan = scan.cut(sheet.get(), (double) scan.grey().getWidth() / small.getWidth());
            small = downscaled(scan.grey());
            // A photo's resolution is its picture's (a guess from its size): the sheet's is in proportion.
            page = new PageImage(page.number(), page.image(),
                    (int) Math.round(page.dpi() * (double) Math.max(scan.grey().getWidth(), scan.grey().getHeight())
                            / pictureLongSide));
        } else {
            Optional<Rectangle> paper = ScannerEdges.paper(scan.grey());
            if (paper.isPresent()) {
                scan = scan.inside(paper.get());
                small = downscaled(scan.grey());
            }
        }
        double scale = bilevel && page.dpi() < UPSCALE_BELOW || page.dpi() > DOWNSCALE_ABOVE
                ? (double) TARGET_DPI / page.dpi() : 1;
        int guess = TextOrientation.rotationToUpright(small);
        Recognition best = null;
        if (guess == 0) {
            best = recognise(scan, small, 0, scale, page);
            if (best.confidence() >= OSD_BELOW_CONFIDENCE && !best.linesRunSideways()) {
                return best.text(page.number(), bilevel);
            }
        }
        // Tesseract's orientation detection decides; where it and Leptonica's guess disagree, both are read.
        int detected = uprightRotation(small, (int) Math.round(page.dpi() * (double) small.getWidth() / scan.grey().getWidth()));
        for (int rotation : new LinkedHashSet<>(List.of(detected, guess))) {
            if (best != null && best.rotation() == rotation) {
                continue;
            }
            Recognition reading = rotation == 0 ? recognise(scan, small, 0, scale, page)
                    : recognise(scan.turned(rotation), Images.rotateClockwise(small, rotation), rotation, scale, page);
            if (best == null || reading.isBetterThan(best)) {
                best = reading;
            }
        }
        return best.text(page.number(), bilevel);
    }

    /**
     * The page in grey, and for a colour scan also without the ink of seals. Seal ink is removed
     * only below {@link #SEALS_FROM} of the upright page, where the signature block is: above it,
     * the red MẬT and KHẨN stamps must stay legible.
     */
    private record Scan(BufferedImage grey, BufferedImage withoutSeals, boolean photo) {

        static final double SEALS_FROM = 0.4;

        /**
         * Both greys of a colour scan are made in one pass over its pixels; a black and white scan's
         * broken rules are joined (see {@link BrokenRules}).
         */
        static Scan of(BufferedImage source, int dpi) {
            if (source.getColorModel().getPixelSize() == 1) {
                return new Scan(BrokenRules.joined(Images.grey(source), dpi), null, false);
            }
            if (!Images.isColour(source)) {
                return new Scan(Images.grey(source), null, false);
            }
            BufferedImage[] greys = Images.greyWithAndWithoutSealInk(source);
            return new Scan(greys[0], greys[1], false);
        }

        /** The sheet of a photo cut out of both greys. */
        Scan cut(PaperCrop.Sheet sheet, double scale) {
            return new Scan(PaperCrop.cut(grey, sheet, scale),
                    withoutSeals == null ? null : PaperCrop.cut(withoutSeals, sheet, scale), true);
        }

        /** Both greys with the scanner's dark bands outside {@code paper} painted the paper's shade. */
        Scan inside(Rectangle paper) {
            return new Scan(ScannerEdges.painted(grey, paper),
                    withoutSeals == null ? null : ScannerEdges.painted(withoutSeals, paper), photo);
        }

        Scan turned(int rotation) {
            return new Scan(Images.rotateClockwise(grey, rotation),
                    withoutSeals == null ? null : Images.rotateClockwise(withoutSeals, rotation), photo);
        }

        BufferedImage toRead() {
            return withoutSeals == null ? grey : Images.lowerPartFrom(grey, withoutSeals, SEALS_FROM);
        }
    }

    /** Deskews (and scales) the page as it stands (its skew measured on {@code small}, a copy of it), then reads it. */
    private Recognition recognise(Scan scan, BufferedImage small, int rotation, double scale, PageImage page) {
        double skew = Skew.of(small).degrees();
        BufferedImage image = Images.scaleAndRotate(scan.toRead(), scale, Math.abs(skew) >= MIN_SKEW_DEGREES ? -skew : 0);
        int dpi = (int) Math.round(page.dpi() * scale);
        // Without a dark desk around it, Otsu's cut (Tesseract's default) lies so near a photographed
        // sheet's shade that bold print runs together: photos are cut locally (Sauvola) instead.
        TessAPI1.TessBaseAPISetVariable(reader, "thresholding_method", scan.photo() ? SAUVOLA : OTSU);
        setImage(reader, image, dpi);
        TessAPI1.TessBaseAPIRecognize(reader, null);
        List<List<Word>> lines = words();
        int confidence = TessAPI1.TessBaseAPIMeanTextConf(reader);
        TessAPI1.TessBaseAPIClear(reader);
        SignatureBlock.Layout layout = withSignatureBlockReadAlone(lines, image, dpi);
        return new Recognition(rotation, image, dpi, confidence, linesRunSideways(lines), layout);
    }

    /**
     * Whether most words of three letters or more are taller than wide. Tesseract reads the lines of
     * a page lying on its side as vertical text, word by word and with high confidence, but in the
     * wrong order: such a page is turned instead.
     */
    private static boolean linesRunSideways(List<List<Word>> lines) {
        long words = lines.stream().flatMap(List::stream).filter(w -> w.text().length() >= 3).count();
        long standing = lines.stream().flatMap(List::stream)
                .filter(w -> w.text().length() >= 3 && w.height() > w.width()).count();
        return standing * 2 > words;
    }

    /**
     * Reads the signer's block once more on its own, in its darkest ink only (see {@link SignatureBlock});
     * when that gives no name line, a third time as sparse text: the grain a seal leaves around the
     * name can make Tesseract take the name's line for specks in a block read as one.
     */
    private SignatureBlock.Layout withSignatureBlockReadAlone(List<List<Word>> lines, BufferedImage page, int dpi) {
        Optional<Rectangle> region = SignatureBlock.region(lines, page.getWidth(), page.getHeight());
        if (region.isEmpty()) {
            return SignatureBlock.Layout.whole(lines);
        }
        Rectangle block = region.get();
        BufferedImage ink = Images.darkestInk(page, block);
        SignatureBlock.Layout layout = SignatureBlock.withBlock(lines, block, readPart(ink, block, dpi, TessPageSegMode.PSM_SINGLE_BLOCK));
        return layout.hasName() ? layout : layout.withNameFrom(readPart(ink, block, dpi, TessPageSegMode.PSM_SPARSE_TEXT));
    }

    /** The lines of a part of the page cut out at {@code where}, read in this segmentation mode, placed on the page. */
    private List<List<Word>> readPart(BufferedImage part, Rectangle where, int dpi, int segmentation) {
        TessAPI1.TessBaseAPISetPageSegMode(reader, segmentation);
        try {
            setImage(reader, part, dpi);
            TessAPI1.TessBaseAPIRecognize(reader, null);
            return words().stream()
                    .map(line -> line.stream().map(w -> new Word(w.text(), w.x() + where.x, w.y() + where.y,
                            w.width(), w.height(), w.confidence(), w.line())).toList())
                    .toList();
        } finally {
            TessAPI1.TessBaseAPIClear(reader);
            TessAPI1.TessBaseAPISetPageSegMode(reader, TessPageSegMode.PSM_AUTO);
        }
    }

    /** What one reading of the page found. */
    private record Recognition(int rotation, BufferedImage image, int dpi, int confidence, boolean linesRunSideways,
                               SignatureBlock.Layout layout) {

        /** A reading of lines that stand upright beats one of lines on their side, then the more confident one wins. */
        boolean isBetterThan(Recognition other) {
            if (linesRunSideways != other.linesRunSideways) {
                return other.linesRunSideways;
            }
            return confidence > other.confidence;
        }

        PageText text(int number, boolean bilevel) {
            List<List<ReadingOrder.Segment>> lines = new ArrayList<>(ReadingOrder.order(layout.page()));
            lines.addAll(layout.blockAfter(lines), layout.block().stream().map(l -> List.of(ReadingOrder.Segment.of(l))).toList());
            StringBuilder text = new StringBuilder();
            List<Word> ordered = new ArrayList<>();
            for (List<ReadingOrder.Segment> line : lines) {
                int lineNumber = ordered.isEmpty() ? 0 : ordered.get(ordered.size() - 1).line() + 1;
                StringBuilder lineText = new StringBuilder();
                for (ReadingOrder.Segment segment : line) {
                    for (Word word : segment.words()) {
                        ordered.add(new Word(word.text(), word.x(), word.y(), word.width(), word.height(),
                                word.confidence(), lineNumber));
                    }
                    lineText.append(lineText.isEmpty() ? "" : " ").append(segment.text());
                }
                text.append(lineText).append('\n');
            }
            return new PageText(number, text.toString().strip(), confidence, rotation, image.getWidth(),
                    image.getHeight(), ordered, new UprightImage(image, dpi, bilevel));
        }
    }

    /** The recognised words, grouped in Tesseract's lines, with their boxes and confidences. */
    private List<List<Word>> words() {
        List<List<Word>> lines = new ArrayList<>();
        TessResultIterator words = TessAPI1.TessBaseAPIGetIterator(reader);
        if (words == null) {
            return lines;
        }
        try {
            TessPageIterator position = TessAPI1.TessResultIteratorGetPageIterator(words);
            TessAPI1.TessPageIteratorBegin(position);
            IntBuffer left = IntBuffer.allocate(1);
            IntBuffer top = IntBuffer.allocate(1);
            IntBuffer right = IntBuffer.allocate(1);
            IntBuffer bottom = IntBuffer.allocate(1);
            List<Word> line = null;
            do {
                if (line == null || TessAPI1.TessPageIteratorIsAtBeginningOf(position, TessPageIteratorLevel.RIL_TEXTLINE) != 0) {
                    line = new ArrayList<>();
                    lines.add(line);
                }
                Pointer utf8 = TessAPI1.TessResultIteratorGetUTF8Text(words, TessPageIteratorLevel.RIL_WORD);
                if (utf8 == null) {
                    continue;
                }
                String text = Misreadings.corrected(
                        VietnameseText.nfc(utf8.getString(0, StandardCharsets.UTF_8.name())).strip());
                TessAPI1.TessDeleteText(utf8);
                if (text.isEmpty()) {
                    continue;
                }
                TessAPI1.TessPageIteratorBoundingBox(position, TessPageIteratorLevel.RIL_WORD, left, top, right, bottom);
                float confidence = TessAPI1.TessResultIteratorConfidence(words, TessPageIteratorLevel.RIL_WORD);
                line.add(new Word(text, left.get(0), top.get(0), right.get(0) - left.get(0), bottom.get(0) - top.get(0),
                        confidence, lines.size() - 1));
            } while (TessAPI1.TessPageIteratorNext(position, TessPageIteratorLevel.RIL_WORD) != 0);
        } finally {
            TessAPI1.TessResultIteratorDelete(words);
        }
        return lines;
    }

    /** Degrees to turn the page clockwise so that its text stands upright; 0 when unsure. */
    private int uprightRotation(BufferedImage small, int dpi) {
        setImage(orientation, small, dpi);
        IntBuffer degrees = IntBuffer.allocate(1);
        FloatBuffer confidence = FloatBuffer.allocate(1);
        PointerByReference script = new PointerByReference();
        FloatBuffer scriptConfidence = FloatBuffer.allocate(1);
        int found = TessAPI1.TessBaseAPIDetectOrientationScript(orientation, degrees, confidence, script,
                scriptConfidence);
        TessAPI1.TessBaseAPIClear(orientation);
        if (found == 0 || confidence.get(0) < OSD_MIN_CONFIDENCE) {
            return 0;
        }
        // Tesseract reports how far the page is turned clockwise; undoing it turns the rest of the way round.
        return (360 - degrees.get(0)) % 360;
    }

    /** A copy about 150 dpi, enough to find the page's orientation and skew cheaply. */
    static BufferedImage downscaled(BufferedImage grey) {
        int longSide = Math.max(grey.getWidth(), grey.getHeight());
        return longSide > OSD_LONG_SIDE ? Images.shrink(grey, (double) OSD_LONG_SIDE / longSide) : grey;
    }

    /** Tesseract copies the pixels it is given, so one native buffer per engine serves every page. */
    private void setImage(TessBaseAPI api, BufferedImage grey, int dpi) {
        byte[] data = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        if (pixels == null || pixels.capacity() < data.length) {
            pixels = ByteBuffer.allocateDirect(data.length);
        }
        pixels.clear();
        pixels.put(data).flip();
        TessAPI1.TessBaseAPISetImage(api, pixels, grey.getWidth(), grey.getHeight(), 1, grey.getWidth());
        TessAPI1.TessBaseAPISetSourceResolution(api, dpi);
    }

    private static void init(TessBaseAPI api, OcrSettings settings, String language) {
        int status = TessAPI1.TessBaseAPIInit2(api, settings.tessdata().toString(), language,
                TessOcrEngineMode.OEM_DEFAULT);
        if (status != 0) {
            TessAPI1.TessBaseAPIDelete(api);
            throw new IllegalStateException("Tesseract could not load language '" + language + "' from "
                    + settings.tessdata() + " (install tesseract-ocr-" + language.split("\\+")[0] + ")");
        }
        TessAPI1.TessBaseAPISetVariable(api, "debug_file", "/dev/null");
    }

    @Override
    public void close() {
        TessAPI1.TessBaseAPIEnd(reader);
        TessAPI1.TessBaseAPIDelete(reader);
        TessAPI1.TessBaseAPIEnd(orientation);
        TessAPI1.TessBaseAPIDelete(orientation);
    }
}
