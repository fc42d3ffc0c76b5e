package vn.sohoa.ocr.work;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import vn.sohoa.core.document.Word;
import vn.sohoa.ocr.PageText;
import vn.sohoa.ocr.PdfPageImage;

/**
 * A page's outcome as one stored object, so that a page costs one write, one look and one read:
 * either its result (text, word boxes, the PDF/A page's image bytes as they go into the PDF) or why
 * it could not be made from the original. Binary, because a page holds hundreds of word boxes whose
 * JSON cost more to write and parse than the rest of the hand-off.
 */
final class PageOutcome {

    private static final byte RESULT = 'R';
    private static final byte UNREADABLE = 'U';

    private PageOutcome() {
    }

    static byte[] of(PageResult result) throws IOException {
        PageText text = result.text();
        PdfPageImage image = result.pdfImage();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.bytes().length + 64 + text.words().size() * 40);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(RESULT);
        out.writeInt(text.number());
        string(out, text.text());
        out.writeFloat(text.confidence());
        out.writeInt(text.rotation());
        out.writeInt(text.width());
        out.writeInt(text.height());
        out.writeInt(text.words().size());
        for (Word word : text.words()) {
            string(out, word.text());
            out.writeInt(word.x());
            out.writeInt(word.y());
            out.writeInt(word.width());
            out.writeInt(word.height());
            out.writeFloat(word.confidence());
            out.writeInt(word.line());
        }
        string(out, image.encoding());
        out.writeInt(image.width());
        out.writeInt(image.height());
        out.writeInt(image.dpi());
        out.writeInt(image.bytes().length);
        out.write(image.bytes());
        return bytes.toByteArray();
    }

    static byte[] of(UnreadablePage why) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(UNREADABLE);
        string(out, why.why().name());
        string(out, why.getMessage());
        return bytes.toByteArray();
    }

    /** The result stored, or null when the page was unreadable. */
    static PageResult result(byte[] stored) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored));
        if (in.readByte() != RESULT) {
            return null;
        }
        int number = in.readInt();
        String text = string(in);
        float confidence = in.readFloat();
        int rotation = in.readInt();
        int width = in.readInt();
        int height = in.readInt();
        int count = in.readInt();
        List<Word> words = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            words.add(new Word(string(in), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readFloat(),
                    in.readInt()));
        }
        String encoding = string(in);
        int imageWidth = in.readInt();
        int imageHeight = in.readInt();
        int dpi = in.readInt();
        byte[] image = new byte[in.readInt()];
        in.readFully(image);
        return new PageResult(new PageText(number, text, confidence, rotation, width, height, List.copyOf(words), null),
                new PdfPageImage(encoding, imageWidth, imageHeight, dpi, image));
    }

    /** Why the page could not be made, or null when it was read. */
    static UnreadablePage unreadable(byte[] stored) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored));
        if (in.readByte() != UNREADABLE) {
            return null;
        }
        return new UnreadablePage(UnreadablePage.Cause.valueOf(string(in)), string(in));
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String string(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
