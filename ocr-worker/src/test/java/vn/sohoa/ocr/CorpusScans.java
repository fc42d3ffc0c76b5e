package vn.sohoa.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** The test corpus's scanned image files (the repository's copy of the shared corpus, {@code testdata/corpus}). */
final class CorpusScans {

    static final Path DIR = Path.of(System.getProperty("sohoa.corpus.dir", "../testdata/corpus"));

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
