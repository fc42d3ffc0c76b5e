package vn.sohoa.ocr;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessOcrEngineMode;
import net.sourceforge.tess4j.ITessAPI.TessPageSegMode;
import net.sourceforge.tess4j.TessAPI1;
import vn.sohoa.core.text.VietnameseText;

/**
 * One thread's Tesseract: a handle for reading and a handle for orientation detection, initialised
 * once and reused for every page that thread reads. Never shared between threads.
 */
final class TesseractEngine implements AutoCloseable {

    /** Pages are read at this resolution; scans below {@link #UPSCALE_BELOW} dpi are scaled up to it. */
    static final int TARGET_DPI = 300;
    static final int UPSCALE_BELOW = 250;
    /** Orientation is detected on a copy this many pixels on its long side: about 150 dpi for A4. */
    private static final int OSD_LONG_SIDE = 1750;
    private static final float OSD_MIN_CONFIDENCE = 2.0f;

    private final TessBaseAPI reader;
    private final TessBaseAPI orientation;

    TesseractEngine(OcrSettings settings) {
        reader = TessAPI1.TessBaseAPICreate();
        init(reader, settings, settings.language());
        TessAPI1.TessBaseAPISetPageSegMode(reader, TessPageSegMode.PSM_AUTO);
        orientation = TessAPI1.TessBaseAPICreate();
        init(orientation, settings, "osd");
        TessAPI1.TessBaseAPISetPageSegMode(orientation, TessPageSegMode.PSM_OSD_ONLY);
    }

    PageText read(PageImage page) {
        BufferedImage grey = Images.grey(page.image());
        int dpi = page.dpi();
        if (dpi < UPSCALE_BELOW) {
            grey = Images.scale(grey, (double) TARGET_DPI / dpi);
            dpi = TARGET_DPI;
        }
        int rotation = uprightRotation(grey);
        grey = Images.rotateClockwise(grey, rotation);
        setImage(reader, grey, dpi);
        Pointer utf8 = TessAPI1.TessBaseAPIGetUTF8Text(reader);
        String text;
        try {
            text = utf8 == null ? "" : utf8.getString(0, StandardCharsets.UTF_8.name());
        } finally {
            if (utf8 != null) {
                TessAPI1.TessDeleteText(utf8);
            }
        }
        int confidence = TessAPI1.TessBaseAPIMeanTextConf(reader);
        TessAPI1.TessBaseAPIClear(reader);
        return new PageText(page.number(), tidy(text), confidence, rotation);
    }

    /** Degrees to turn the page clockwise so that its text stands upright; 0 when unsure. */
    private int uprightRotation(BufferedImage grey) {
        int longSide = Math.max(grey.getWidth(), grey.getHeight());
        BufferedImage small = longSide > OSD_LONG_SIDE ? Images.scale(grey, (double) OSD_LONG_SIDE / longSide) : grey;
        setImage(orientation, small, (int) Math.round(TARGET_DPI * (double) small.getWidth() / grey.getWidth()));
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

    private static void setImage(TessBaseAPI api, BufferedImage grey, int dpi) {
        TessAPI1.TessBaseAPISetImage(api, Images.pixels(grey), grey.getWidth(), grey.getHeight(), 1, grey.getWidth());
        TessAPI1.TessBaseAPISetSourceResolution(api, dpi);
    }

    /** NFC, no trailing spaces, no runs of blank lines, no form feed. */
    private static String tidy(String text) {
        String nfc = VietnameseText.nfc(text).replace('\f', '\n');
        return nfc.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
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
