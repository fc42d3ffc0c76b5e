package vn.sohoa.pipeline.extraction;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.sohoa.core.text.EncodingsFound;
import vn.sohoa.core.text.LegacyVietnamese;
import vn.sohoa.core.text.LegacyVietnamese.Run;

/**
 * A DOCX whose runs in legacy fonts (.VnTime, .VnTimeH, VNI-Times...) get their text in Unicode, so
 * that Tika then reads it like any other. A run's font is its own, else its character style's, its
 * paragraph style's, the default paragraph style's or the document default's. In a TCVN3 run, a
 * soft hyphen Word stored as {@code <w:softHyphen/>} is the letter "ư" and is kept as such.
 */
final class LegacyDocx {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final Pattern STORIES = Pattern.compile(
            "word/(document|header\\d*|footer\\d*|footnotes|endnotes|comments|glossary/document)\\.xml");
    private static final String STYLES = "word/styles.xml";
    /** A font attribute naming a TCVN3, VNI or VISCII font (see LegacyEncoding.ofFont). */
    private static final Pattern LEGACY_FONT_NAME = Pattern.compile("(?i)[\"'](\\.vn|vni[- ])|viscii");
    private static final int MAX_PART_BYTES = 64 << 20;

    private LegacyDocx() {
    }

    /** The document with its legacy-font text in Unicode; null when it has none. */
    static byte[] rewrite(byte[] docx, EncodingsFound found) throws IOException {
        Map<String, byte[]> parts = parts(docx);
        if (parts.values().stream().noneMatch(LegacyDocx::namesALegacyFont)) {
            return null;
        }
        WordStyles styles = new WordStyles(parts.containsKey(STYLES) ? Xml.parse(parts.get(STYLES)) : null);
        Map<String, Document> stories = new LinkedHashMap<>();
        List<List<Element>> pieces = new ArrayList<>();
        List<List<Run>> paragraphs = new ArrayList<>();
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            if (STORIES.matcher(part.getKey()).matches()) {
                Document story = Xml.parse(part.getValue());
                stories.put(part.getKey(), story);
                collect(story, styles, pieces, paragraphs);
            }
        }
        List<List<String>> converted = LegacyVietnamese.fromFonts(paragraphs, found);
        Set<Document> touched = new HashSet<>();
        for (int p = 0; p < paragraphs.size(); p++) {
            for (int i = 0; i < paragraphs.get(p).size(); i++) {
                if (!converted.get(p).get(i).equals(paragraphs.get(p).get(i).text())) {
                    setText(pieces.get(p).get(i), converted.get(p).get(i));
                    touched.add(pieces.get(p).get(i).getOwnerDocument());
                }
            }
        }
        Map<String, byte[]> changed = new HashMap<>();
        for (Map.Entry<String, Document> story : stories.entrySet()) {
            if (touched.contains(story.getValue())) {
                changed.put(story.getKey(), Xml.serialize(story.getValue()));
            }
        }
        return changed.isEmpty() ? null : replaced(docx, changed);
    }

    /** Each paragraph's text pieces (w:t, and w:softHyphen) with the font of their run. */
    private static void collect(Document story, WordStyles styles, List<List<Element>> pieces,
                                List<List<Run>> paragraphs) {
        Map<Node, List<Element>> runsByParagraph = new LinkedHashMap<>();
        NodeList runs = story.getElementsByTagNameNS(W, "r");
        for (int i = 0; i < runs.getLength(); i++) {
            Element run = (Element) runs.item(i);
            runsByParagraph.computeIfAbsent(Xml.ancestor(run, W, "p"), p -> new ArrayList<>()).add(run);
        }
        for (List<Element> paragraph : runsByParagraph.values()) {
            List<Run> texts = new ArrayList<>();
            List<Element> nodes = new ArrayList<>();
            for (Element run : paragraph) {
                String font = styles.fontOf(run);
                for (Element piece : Xml.children(run)) {
                    if (W.equals(piece.getNamespaceURI()) && "t".equals(piece.getLocalName())) {
                        texts.add(new Run(piece.getTextContent(), font));
                        nodes.add(piece);
                    } else if (W.equals(piece.getNamespaceURI()) && "softHyphen".equals(piece.getLocalName())) {
                        texts.add(new Run("\u00AD", font));
                        nodes.add(piece);
                    }
                }
            }
            paragraphs.add(texts);
            pieces.add(nodes);
        }
    }

    private static void setText(Element piece, String text) {
        Element t = piece;
        if (!"t".equals(piece.getLocalName())) {
            t = piece.getOwnerDocument().createElementNS(W, piece.getPrefix() == null ? "t" : piece.getPrefix() + ":t");
            piece.getParentNode().replaceChild(t, piece);
        }
        t.setTextContent(text);
        t.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:space", "preserve");
    }

    private static boolean namesALegacyFont(byte[] xml) {
        return LEGACY_FONT_NAME.matcher(new String(xml, StandardCharsets.UTF_8)).find();
    }

    /** The stories and styles of the package (the parts with text and fonts). */
    private static Map<String, byte[]> parts(byte[] docx) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (STORIES.matcher(entry.getName()).matches() || STYLES.equals(entry.getName())) {
                    parts.put(entry.getName(), readAtMost(zip, MAX_PART_BYTES));
                }
            }
        }
        return parts;
    }

    private static byte[] replaced(byte[] docx, Map<String, byte[]> changed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(docx.length + docx.length / 4);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (changed.containsKey(entry.getName())) {
                    zip.write(changed.get(entry.getName()));
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new IOException("a document part is larger than " + limit + " bytes");
        }
        return bytes;
    }
}
