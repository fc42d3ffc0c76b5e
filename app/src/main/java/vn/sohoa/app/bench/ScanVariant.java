package vn.sohoa.app.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import vn.sohoa.ocr.ImageEncoding;
import vn.sohoa.ocr.PageImage;

/**
 * A way a page may reach the archive other than the way the corpus holds it: turned, skewed, at a
 * lower or higher resolution, thresholded by a cheap scanner, compressed hard, faded on yellowed
 * paper, with the scanner's lid open, or photographed on a desk. Each makes a new page image from a
 * corpus page.
 */
enum ScanVariant {

    AS_SCANNED("as scanned", page -> page),
    TURNED_90("turned 90", page -> page.with(turned(page.image(), 90))),
    TURNED_180("turned 180", page -> page.with(turned(page.image(), 180))),
    TURNED_270("turned 270", page -> page.with(turned(page.image(), 270))),
    SKEWED_3("skew +3", page -> page.with(skewed(page.image(), 3))),
    SKEWED_MINUS_4_5("skew -4.5", page -> page.with(skewed(page.image(), -4.5))),
    TURNED_AND_SKEWED("turned+skew", page -> page.with(turned(skewed(page.image(), 2.5), 90))),
    GREY_200_DPI("grey 200", page -> page.grey().scaledTo(200)),
    GREY_150_DPI("grey 150", page -> page.grey().scaledTo(150)),
    GREY_400_DPI("grey 400", page -> page.grey().scaledTo(400)),
    BLACK_AND_WHITE_200_DPI("b&w 200", page -> page.grey().scaledTo(200).blackAndWhite()),
    JPEG_QUALITY_40("jpeg q40", page -> page.with(jpeg(page.image(), 0.4f))),
    YELLOWED("yellowed", page -> page.with(yellowed(grey(page.image())))),
    DARK_BORDERS("dark edges", page -> page.with(darkBorders(page.image()))),
    ON_A_DESK("on a desk", page -> page.with(onADesk(page.image())));

    private static final Color DESK = new Color(70, 50, 35);
    private static final Color LID_SHADOW = new Color(20, 20, 20);
    private static final Color PAPER = new Color(235, 222, 180);
    private static final double FADED_INK = 0.45;
    /** Grey below this is black in a cheap scanner's black and white. */
    private static final int BLACK_BELOW = 150;

    final String label;
    private final UnaryOperator<Page> change;

    ScanVariant(String label, UnaryOperator<Page> change) {
        this.label = label;
        this.change = change;
    }

    PageImage of(PageImage scanned) {
        Page page = change.apply(new Page(scanned.image(), scanned.dpi()));
        return new PageImage(scanned.number(), page.image(), page.dpi());
    }

    private record Page(BufferedImage image, int dpi) {

        Page with(BufferedImage changed) {
            return new Page(changed, dpi);
        }

        Page grey() {
            return with(ScanVariant.grey(image));
        }

        Page blackAndWhite() {
            return with(ScanVariant.blackAndWhite(image));
        }

        /** The page at another resolution, its pixels averaged. */
        Page scaledTo(int newDpi) {
            int width = (int) Math.round(image.getWidth() * (double) newDpi / dpi);
            int height = (int) Math.round(image.getHeight() * (double) newDpi / dpi);
            BufferedImage scaled = new BufferedImage(width, height, typeOf(image));
            draw(scaled, g -> g.drawImage(image.getScaledInstance(width, height, Image.SCALE_AREA_AVERAGING), 0, 0, null));
            return new Page(scaled, newDpi);
        }
    }

    private static int typeOf(BufferedImage image) {
        return image.getColorModel().getNumComponents() >= 3 ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY;
    }

    private static void draw(BufferedImage target, Consumer<Graphics2D> drawing) {
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            drawing.accept(g);
        } finally {
            g.dispose();
        }
    }

    private static BufferedImage grey(BufferedImage image) {
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        draw(grey, g -> g.drawImage(image, 0, 0, null));
        return grey;
    }

    private static BufferedImage turned(BufferedImage image, int degreesClockwise) {
        boolean across = degreesClockwise % 180 != 0;
        int width = across ? image.getHeight() : image.getWidth();
        int height = across ? image.getWidth() : image.getHeight();
        BufferedImage turned = new BufferedImage(width, height, typeOf(image));
        draw(turned, g -> {
            g.translate(width / 2.0, height / 2.0);
            g.rotate(Math.toRadians(degreesClockwise));
            g.translate(-image.getWidth() / 2.0, -image.getHeight() / 2.0);
            g.drawImage(image, 0, 0, null);
        });
        return turned;
    }

    private static BufferedImage skewed(BufferedImage image, double degreesClockwise) {
        BufferedImage skewed = new BufferedImage(image.getWidth(), image.getHeight(), typeOf(image));
        draw(skewed, g -> {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, skewed.getWidth(), skewed.getHeight());
            g.rotate(Math.toRadians(degreesClockwise), image.getWidth() / 2.0, image.getHeight() / 2.0);
            g.drawImage(image, 0, 0, null);
        });
        return skewed;
    }

    private static BufferedImage blackAndWhite(BufferedImage grey) {
        BufferedImage bits = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        int[] row = new int[grey.getWidth()];
        for (int y = 0; y < grey.getHeight(); y++) {
            grey.getRaster().getSamples(0, y, grey.getWidth(), 1, 0, row);
            for (int x = 0; x < row.length; x++) {
                row[x] = row[x] < BLACK_BELOW ? 0 : 1;
            }
            bits.getRaster().setSamples(0, y, grey.getWidth(), 1, 0, row);
        }
        return bits;
    }

    private static BufferedImage jpeg(BufferedImage image, float quality) {
        BufferedImage source = image.getColorModel().getPixelSize() == 1 ? grey(image) : image;
        try {
            return ImageIO.read(new ByteArrayInputStream(ImageEncoding.write(source, "jpeg", quality)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ink faded to 45 % of its strength on paper gone yellow, as decades in a cupboard leave them. */
    private static BufferedImage yellowed(BufferedImage grey) {
        BufferedImage old = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] row = new int[grey.getWidth()];
        for (int y = 0; y < grey.getHeight(); y++) {
            grey.getRaster().getSamples(0, y, grey.getWidth(), 1, 0, row);
            for (int x = 0; x < row.length; x++) {
                double paper = 1 - (255 - row[x]) / 255.0 * FADED_INK;
                old.setRGB(x, y, new Color((int) (PAPER.getRed() * paper), (int) (PAPER.getGreen() * paper),
                        (int) (PAPER.getBlue() * paper)).getRGB());
            }
        }
        return old;
    }

    /** Black edges where the scanner's lid did not cover the glass: 4 % left, 2 % top, right and bottom. */
    private static BufferedImage darkBorders(BufferedImage image) {
        BufferedImage edged = new BufferedImage(image.getWidth(), image.getHeight(), typeOf(image));
        int w = image.getWidth();
        int h = image.getHeight();
        draw(edged, g -> {
            g.drawImage(image, 0, 0, null);
            g.setColor(LID_SHADOW);
            g.fillRect(0, 0, w * 4 / 100, h);
            g.fillRect(0, 0, w, h * 2 / 100);
            g.fillRect(w - w * 2 / 100, 0, w, h);
            g.fillRect(0, h - h * 2 / 100, w, h);
        });
        return edged;
    }

    /** The sheet, at 80 % of the picture and turned by 2 degrees, on a dark wooden desk. */
    private static BufferedImage onADesk(BufferedImage image) {
        BufferedImage photo = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        BufferedImage sheet = image.getColorModel().getPixelSize() == 1 ? grey(image) : image;
        draw(photo, g -> {
            g.setColor(DESK);
            g.fillRect(0, 0, photo.getWidth(), photo.getHeight());
            g.translate(image.getWidth() * 0.1, image.getHeight() * 0.1);
            g.rotate(Math.toRadians(2), image.getWidth() * 0.4, image.getHeight() * 0.4);
            g.scale(0.8, 0.8);
            g.drawImage(sheet, 0, 0, null);
        });
        return photo;
    }
}
