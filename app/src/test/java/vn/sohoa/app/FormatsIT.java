package vn.sohoa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Born-digital formats read without OCR, scanned formats OCRed, and PDFs that are both. */
@ExtendWith(RunningArchive.Extension.class)
class FormatsIT {

    private static final String SENTENCE = "Ban Thường vụ Liên đoàn Lao động tỉnh triển khai Tháng hành động";
    private final RunningArchive archive = RunningArchive.get();

    @Test
    void htmlAndRtfAreReadAsText() throws Exception {
        String token = token();
        String html = archive.drop("thong bao.html", ("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<title>Thông báo</title></head><body><p>" + SENTENCE + " " + token + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8));
        String rtf = archive.drop("cong van.rtf", ("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times New Roman;}}\\f0 "
                + rtfEscape(SENTENCE + " " + token) + "\\par}").getBytes(StandardCharsets.US_ASCII));
        for (String id : new String[] {html, rtf}) {
            JsonNode doc = archived(id);
            assertEquals("text", doc.path("extraction").asText(), doc.path("fileName").asText());
            String text = archive.getJson("/api/documents/" + id + "/text").toString();
            assertTrue(text.contains(SENTENCE + " " + token), doc.path("fileName").asText() + ": " + text);
        }
    }

    @Test
    void aBitmapIsOcred() throws Exception {
        ByteArrayOutputStream bmp = new ByteArrayOutputStream();
        ImageIO.write(page(SENTENCE + " " + token()), "bmp", bmp);
        JsonNode doc = archived(archive.drop("quet.bmp", bmp.toByteArray()));
        assertEquals("image/bmp", doc.path("contentType").asText());
        assertEquals("ocr", doc.path("extraction").asText());
        assertTrue(archive.getJson("/api/documents/" + doc.path("id").asText() + "/text").toString().contains(SENTENCE));
    }

    @Test
    void aScannedPdfWhosePagesAreJpeg2000IsOcred() throws Exception {
        String token = token();
        ByteArrayOutputStream jpx = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(page(SENTENCE + " " + token), "jpeg2000", jpx), "a JPEG 2000 writer on the test classpath");
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDImageXObject image = new PDImageXObject(document, new ByteArrayInputStream(jpx.toByteArray()),
                    COSName.JPX_DECODE, 2480, 3508, 8, PDDeviceGray.INSTANCE);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            document.save(pdf);
        }
        JsonNode doc = archived(archive.drop("quet jpeg2000.pdf", pdf.toByteArray()));
        assertEquals("ocr", doc.path("extraction").asText());
        String text = archive.getJson("/api/documents/" + doc.path("id").asText() + "/text").toString();
        assertTrue(text.contains(SENTENCE), text);
    }

    @Test
    void aMixedPdfKeepsItsTextLayerAndOcrsItsScannedPage() throws Exception {
        String token = token();
        JsonNode doc = archived(archive.drop("hon hop.pdf", mixedPdf(SENTENCE + " " + token, SENTENCE)));
        assertEquals("mixed", doc.path("extraction").asText());
        JsonNode pages = archive.getJson("/api/documents/" + doc.path("id").asText() + "/text").path("pages");
        assertEquals("text-layer", pages.get(0).path("method").asText());
        assertTrue(pages.get(0).path("text").asText().contains(token));
        assertEquals("ocr", pages.get(1).path("method").asText());
        assertTrue(pages.get(1).path("text").asText().contains(SENTENCE), pages.get(1).path("text").asText());
    }

    /** A PDF whose first page is typed text (a text layer) and whose second is a scan of a printed line. */
    static byte[] mixedPdf(String typedLine, String scannedLine) throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            PDPage typed = new PDPage(PDRectangle.A4);
            document.addPage(typed);
            PDType0Font font = PDType0Font.load(document, Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf").toFile());
            try (PDPageContentStream content = new PDPageContentStream(document, typed)) {
                content.beginText();
                content.setFont(font, 12);
                content.newLineAtOffset(72, 750);
                content.showText(typedLine);
                content.endText();
            }
            PDPage scanned = new PDPage(PDRectangle.A4);
            document.addPage(scanned);
            try (PDPageContentStream content = new PDPageContentStream(document, scanned)) {
                content.drawImage(LosslessFactory.createFromImage(document, page(scannedLine)), 0, 0,
                        PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            document.save(pdf);
        }
        return pdf.toByteArray();
    }

    private JsonNode archived(String id) throws Exception {
        archive.awaitState(id, "ARCHIVED");
        return archive.getJson("/api/documents/" + id);
    }

    private static String token() {
        return "sohoa" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String rtfEscape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c < 0x80 ? String.valueOf(c) : "\\u" + (int) (short) c + "?");
        }
        return out.toString();
    }

    /** A page of printed Vietnamese at 300 dpi, the size of an A4 scan. */
    static BufferedImage page(String line) {
        BufferedImage image = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font("DejaVu Serif", Font.PLAIN, 50));
        g.drawString(line, 150, 400);
        g.drawString("Kính gửi: Ban Chấp hành Công đoàn cơ sở các đơn vị.", 150, 500);
        g.dispose();
        return image;
    }
}
