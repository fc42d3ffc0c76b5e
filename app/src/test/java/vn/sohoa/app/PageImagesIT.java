package vn.sohoa.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.sohoa.core.document.Json;

/** Page images for viewing: made once from the page OCR read, kept in storage, cached by the browser. */
@ExtendWith(RunningArchive.Extension.class)
class PageImagesIT {

    private static final String[] LINES = {
            "LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH PHƯỚC",
            "KẾ HOẠCH",
            "Tổ chức Tháng Công nhân năm 2024",
            "Kính gửi: Ban Chấp hành Công đoàn cơ sở.",
            "Các cấp công đoàn thực hiện tốt nhiệm vụ."};

    private static String scanId;

    private final RunningArchive archive = RunningArchive.get();

    @Test
    void aPageIsMadeOnceKeptInStorageAndServedFromThereWithAStrongEtag() throws Exception {
        String id = scan();
        HttpResponse<byte[]> first = page(id, 1, "?width=800", null);
        assertEquals(200, first.statusCode(), new String(first.body(), StandardCharsets.UTF_8));
        assertEquals("image/jpeg", first.headers().firstValue("Content-Type").orElse(""));
        String etag = first.headers().firstValue("ETag").orElse("");
        assertEquals("\"" + id + "-1-800\"", etag);
        String cache = first.headers().firstValue("Cache-Control").orElse("");
        assertTrue(cache.contains("private") && cache.contains("immutable") && cache.contains("max-age="), cache);
        assertEquals(800, ImageIO.read(new ByteArrayInputStream(first.body())).getWidth());

        Path stored = archive.data().resolve("engines/s3/objects/derivatives/" + id + "/pages/1-800.jpg");
        assertTrue(Files.exists(stored), "kept as a derivative: " + stored);
        assertArrayEquals(Files.readAllBytes(stored), first.body());
        FileTime made = Files.getLastModifiedTime(stored);

        HttpResponse<byte[]> second = page(id, 1, "?width=800", null);
        assertEquals(200, second.statusCode());
        assertArrayEquals(first.body(), second.body());
        assertEquals(made, Files.getLastModifiedTime(stored), "served from storage, not made again");

        HttpResponse<byte[]> notModified = page(id, 1, "?width=800", etag);
        assertEquals(304, notModified.statusCode());
        assertEquals(0, notModified.body().length);
        assertEquals(etag, notModified.headers().firstValue("ETag").orElse(""));
        assertEquals(200, page(id, 1, "?width=800", "\"" + id + "-1-400\"").statusCode(), "another width's tag");
    }

    @Test
    void widthsSnapToAFewSizesAndNeverGrowThePage() throws Exception {
        String id = scan();
        int pageWidth = pageOf(id, 1).path("width").asInt();
        assertTrue(pageWidth > 1600, "an A4 scan at 300 dpi: " + pageWidth);
        assertEquals(400, width(page(id, 1, "?width=1", null)));
        assertEquals(800, width(page(id, 1, "?width=401", null)));
        assertEquals(1200, width(page(id, 1, "?width=1000", null)));
        assertEquals(1600, width(page(id, 1, "?width=1600", null)));
        assertEquals(pageWidth, width(page(id, 1, "?width=1601", null)), "wider than 1600: the page as read");
        assertEquals(pageWidth, width(page(id, 1, "", null)));
        assertTrue(Files.exists(archive.data().resolve("engines/s3/objects/derivatives/" + id + "/pages/1-original.jpg")));
        assertEquals("\"" + id + "-1-original\"", page(id, 1, "?width=5000", null).headers().firstValue("ETag").orElse(""));
        try (var copies = Files.list(archive.data().resolve("tmp/pages"))) {
            assertTrue(copies.count() <= 1, "one copy of a stored file is kept for the next page, no more");
        }
        for (String bad : new String[] {"?width=0", "?width=-5", "?width=abc", "?width=100000"}) {
            HttpResponse<byte[]> response = page(id, 1, bad, null);
            assertEquals(400, response.statusCode(), bad);
            assertTrue(Json.MAPPER.readTree(response.body()).path("message").asText().contains("width"), bad);
        }
    }

    @Test
    void anUnknownDocumentOrPageIsA404InVietnamese() throws Exception {
        String id = scan();
        for (String path : new String[] {
                "/api/documents/" + "0".repeat(64) + "/pages/1",
                "/api/documents/" + id + "/pages/2",
                "/api/documents/" + id + "/pages/0",
                "/api/documents/" + id + "/pages/x",
                "/api/documents/nonsense/pages/1"}) {
            HttpResponse<byte[]> response = archive.get(path);
            assertEquals(404, response.statusCode(), path);
            JsonNode error = Json.MAPPER.readTree(response.body());
            assertEquals("not_found", error.path("error").asText(), path);
            assertTrue(error.path("message").asText().startsWith("Không"), error.toString());
        }
        String text = archive.drop("Trang " + UUID.randomUUID() + "/ghi chu.txt",
                ("Ghi chú cuộc họp " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        archive.awaitState(text, "ARCHIVED");
        assertEquals(404, archive.get("/api/documents/" + text + "/pages/1").statusCode(), "a text file has no page image");
    }

    /**
     * The word boxes of the record, scaled to the image's width, lie on the printed words: the page
     * is the deskewed one OCR read (the scan was dropped turned 3 degrees, where a box on the
     * original frame would miss its word by more than its height).
     */
    @Test
    void theWordBoxesScaledToTheImageLieOnThePrintedWords() throws Exception {
        String id = scan();
        JsonNode page = pageOf(id, 1);
        for (String width : new String[] {"?width=1200", ""}) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(page(id, 1, width, null).body()));
            double scale = (double) image.getWidth() / page.path("width").asInt();
            assertEquals(page.path("height").asInt() * scale, image.getHeight(), 1.0, "the same shape as the boxes' page");
            List<JsonNode> words = new ArrayList<>();
            page.path("words").forEach(w -> {
                if (w.path("text").asText().length() >= 4 && w.path("confidence").asDouble() > 70) {
                    words.add(w);
                }
            });
            assertTrue(words.size() >= 8, "words read: " + page.path("words"));
            double pageInk = ink(image, 0, 0, image.getWidth(), image.getHeight());
            for (JsonNode w : words) {
                int x = (int) Math.round(w.path("x").asInt() * scale);
                int y = (int) Math.round(w.path("y").asInt() * scale);
                int bw = Math.max(1, (int) Math.round(w.path("width").asInt() * scale));
                int bh = Math.max(1, (int) Math.round(w.path("height").asInt() * scale));
                double inside = ink(image, x, y, bw, bh);
                double below = ink(image, x, y + 2 * bh, bw, bh);
                String what = w.path("text").asText() + " at " + x + "," + y + " " + bw + "x" + bh + width;
                assertTrue(inside > 0.1, what + ": ink inside the box " + inside);
                assertTrue(inside > 4 * Math.max(below, pageInk), what + ": inside " + inside + ", below " + below
                        + ", page " + pageInk);
            }
        }
    }

    @Test
    void aBornDigitalPdfPageIsRendered() throws Exception {
        String token = "sohoa" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String id = archive.drop("Trang " + token + "/van ban.pdf", typedPdf("Thông báo kết quả " + token));
        archive.awaitState(id, "ARCHIVED");
        HttpResponse<byte[]> response = page(id, 1, "?width=400", null);
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertEquals(400, image.getWidth());
        assertEquals(PDRectangle.A4.getHeight() / PDRectangle.A4.getWidth(), (double) image.getHeight() / image.getWidth(),
                0.01);
        assertTrue(ink(image, 0, 0, 400, image.getHeight() / 4) > 0.002, "the typed line is drawn near the top");
        assertEquals(404, archive.get("/api/documents/" + id + "/pages/2").statusCode());
    }

    /** Share of dark pixels in the rectangle (clipped to the image). */
    private static double ink(BufferedImage image, int x, int y, int w, int h) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(image.getWidth(), x + w);
        int y1 = Math.min(image.getHeight(), y + h);
        long dark = 0;
        long all = 0;
        for (int j = y0; j < y1; j++) {
            for (int i = x0; i < x1; i++) {
                int rgb = image.getRGB(i, j);
                int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                dark += grey < 128 ? 1 : 0;
                all++;
            }
        }
        return all == 0 ? 0 : (double) dark / all;
    }

    private static int width(HttpResponse<byte[]> response) throws IOException {
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        return ImageIO.read(new ByteArrayInputStream(response.body())).getWidth();
    }

    private HttpResponse<byte[]> page(String id, int n, String query, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(archive.url(
                "/api/documents/" + id + "/pages/" + n + query))).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return archive.send(request.build());
    }

    private JsonNode pageOf(String id, int n) throws Exception {
        return archive.getJson("/api/documents/" + id + "/text").path("pages").get(n - 1);
    }

    /** One scan for the class: printed lines on an A4 page at 300 dpi, turned 3 degrees as a careless scan is. */
    private synchronized String scan() throws Exception {
        synchronized (PageImagesIT.class) {
            if (scanId == null) {
                String token = UUID.randomUUID().toString().substring(0, 8);
                String id = archive.drop("Trang " + token + "/ke hoach.png", png(skewedPage(token)));
                archive.awaitState(id, "ARCHIVED");
                scanId = id;
            }
            return scanId;
        }
    }

    private static BufferedImage skewedPage(String token) {
        BufferedImage image = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.rotate(Math.toRadians(3), image.getWidth() / 2.0, image.getHeight() / 2.0);
        g.setColor(Color.BLACK);
        g.setFont(new Font("DejaVu Serif", Font.PLAIN, 56));
        int y = 500;
        for (String line : LINES) {
            g.drawString(line, 200, y);
            y += 220;
        }
        g.drawString("Mã số kiểm tra " + token, 200, y);
        g.dispose();
        return image;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] typedPdf(String line) throws IOException {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            PDPage typed = new PDPage(PDRectangle.A4);
            document.addPage(typed);
            PDType0Font font = PDType0Font.load(document,
                    Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf").toFile());
            try (PDPageContentStream content = new PDPageContentStream(document, typed)) {
                content.beginText();
                content.setFont(font, 24);
                content.newLineAtOffset(72, 750);
                content.showText(line);
                content.endText();
            }
            document.save(pdf);
        }
        return pdf.toByteArray();
    }
}
