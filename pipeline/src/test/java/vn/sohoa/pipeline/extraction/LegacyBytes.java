package vn.sohoa.pipeline.extraction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import vn.sohoa.core.text.Cp1252View;

/**
 * Vietnamese text written in a legacy encoding, byte by byte from the domain notes' table
 * (vn-encodings-table.tsv), independently of the converter under test.
 */
enum LegacyBytes {
    VISCII(2), TCVN3(4), VNI(5), WINDOWS_1258(7);

    private static final Path TABLE = Path.of(System.getProperty("sohoa.docs.dir", "../testdata"),
            "vn-encodings-table.tsv");
    private final int column;
    private Map<Character, byte[]> letters;

    LegacyBytes(int column) {
        this.column = column;
    }

    byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (char c : text.toCharArray()) {
            byte[] bytes = letters().get(c);
            if (bytes == null) {
                int b = Cp1252View.byteOf(c);
                if (c >= 0x80 && (this == VISCII || b < 0 || Character.isLetter(c))) {
                    throw new IllegalArgumentException(this + " has no byte for " + c);
                }
                bytes = new byte[] {(byte) b};
            }
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    /** The text's bytes as cp1252 shows them: what Word, RTF and HTML store for a legacy font. */
    String shown(String text) {
        return Cp1252View.decode(encode(text));
    }

    /** For a TCVN3 "...H" font: capitals typed as the lower-case bytes. */
    String shownInCapitalsFont(String text) {
        return shown(text.toLowerCase(Locale.ROOT));
    }

    private synchronized Map<Character, byte[]> letters() {
        if (letters == null) {
            letters = new HashMap<>();
            try {
                for (String line : Files.readAllLines(TABLE).subList(1, 135)) {
                    String[] row = line.split("\t");
                    if (!row[column].startsWith("(none")) {
                        String[] hex = row[column].split(" ");
                        byte[] bytes = new byte[hex.length];
                        for (int i = 0; i < hex.length; i++) {
                            bytes[i] = (byte) Integer.parseInt(hex[i], 16);
                        }
                        letters.put(row[0].charAt(0), bytes);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the byte table of the domain notes is needed: " + TABLE.toAbsolutePath(), e);
            }
        }
        return letters;
    }
}
