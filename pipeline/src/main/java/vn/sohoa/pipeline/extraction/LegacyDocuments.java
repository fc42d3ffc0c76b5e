package vn.sohoa.pipeline.extraction;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.sohoa.core.text.EncodingsFound;
import vn.sohoa.core.text.LegacyVietnamese;

/**
 * Born-digital files with text in legacy Vietnamese fonts, made Unicode where the format names the
 * fonts, before Tika reads them: DOCX, RTF and HTML are rewritten, DOC is read run by run, and
 * plain text is decoded from its bytes. Whatever fails here leaves the file as it is.
 */
final class LegacyDocuments {

    /** Larger files are read as they are (their text is still repaired after extraction). */
    static final long MAX_BYTES = 64L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(LegacyDocuments.class);

    private LegacyDocuments() {
    }

    /**
     * @param rewritten the copy of the file Tika should read instead, or null to read the file itself
     * @param text      the document's text when it was read here (plain text, DOC), else null
     */
    record Prepared(byte[] rewritten, String text, EncodingsFound found) {

        static final Prepared AS_IT_IS = new Prepared(null, null, new EncodingsFound());
    }

    static Prepared prepare(String type, byte[] bytes) {
        EncodingsFound found = new EncodingsFound();
        try {
            return switch (type) {
                case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" ->
                        new Prepared(LegacyDocx.rewrite(bytes, found), null, found);
                case "application/rtf" -> new Prepared(LegacyRtf.rewrite(bytes, found), null, found);
                case "text/html", "application/xhtml+xml" -> new Prepared(LegacyHtml.rewrite(bytes, found), null, found);
                case "application/msword" -> new Prepared(null, LegacyDoc.text(bytes, found), found);
                case "text/plain" -> {
                    LegacyVietnamese.Converted text = LegacyPlainText.decode(bytes);
                    yield text == null ? Prepared.AS_IT_IS : new Prepared(null, text.text(), text.found());
                }
                default -> Prepared.AS_IT_IS;
            };
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not look for legacy Vietnamese fonts in a {} file, reading it as it is: {}", type,
                    e.toString());
            return Prepared.AS_IT_IS;
        }
    }
}
