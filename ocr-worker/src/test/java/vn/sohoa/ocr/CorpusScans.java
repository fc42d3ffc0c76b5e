package vn.sohoa.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** The shared corpus's scanned image files, for tests: read from {@code ../shared/corpus}, never copied. */
final class CorpusScans {

    static final Path DIR = Path.of(System.getProperty("sohoa.corpus.dir", "../../shared/corpus"));

    private CorpusScans() {
    }

    /** One page (frame) of a corpus image file, counted from 0. */
    static BufferedImage frame(String file, int index) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(DIR.resolve(file).toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in);
                return reader.read(index);
            } finally {
                reader.dispose();
            }
        }
    }
}
