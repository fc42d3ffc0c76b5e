package vn.sohoa.pipeline.extraction;

import static vn.sohoa.pipeline.extraction.LegacyDocx.W;

import java.util.HashMap;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The font a DOCX run is drawn in, through the styles it inherits from (styles.xml). */
final class WordStyles {

    private static final int MAX_BASED_ON = 20;

    private final Map<String, Element> byId = new HashMap<>();
    private String defaultParagraphStyle;
    private String documentDefaultFont;

    WordStyles(Document styles) {
        if (styles == null) {
            return;
        }
        NodeList all = styles.getElementsByTagNameNS(W, "style");
        for (int i = 0; i < all.getLength(); i++) {
            Element style = (Element) all.item(i);
            byId.put(style.getAttributeNS(W, "styleId"), style);
            if ("paragraph".equals(style.getAttributeNS(W, "type")) && isOn(style.getAttributeNS(W, "default"))) {
                defaultParagraphStyle = style.getAttributeNS(W, "styleId");
            }
        }
        NodeList defaults = styles.getElementsByTagNameNS(W, "rPrDefault");
        if (defaults.getLength() > 0) {
            documentDefaultFont = named(Xml.child((Element) defaults.item(0), W, "rPr"));
        }
    }

    /** The name of the font the run's (non-ASCII) text is drawn in, or null when nothing names one. */
    String fontOf(Element run) {
        Element properties = Xml.child(run, W, "rPr");
        String font = named(properties);
        if (font == null) {
            font = styleFont(Xml.attribute(Xml.child(properties, W, "rStyle"), W, "val"));
        }
        if (font == null) {
            Element paragraph = (Element) Xml.ancestor(run, W, "p");
            String style = Xml.attribute(Xml.child(Xml.child(paragraph, W, "pPr"), W, "pStyle"), W, "val");
            font = styleFont(style != null ? style : defaultParagraphStyle);
        }
        return font != null ? font : documentDefaultFont;
    }

    private String styleFont(String id) {
        for (int depth = 0; id != null && depth < MAX_BASED_ON; depth++) {
            Element style = byId.get(id);
            if (style == null) {
                return null;
            }
            String font = named(Xml.child(style, W, "rPr"));
            if (font != null) {
                return font;
            }
            id = Xml.attribute(Xml.child(style, W, "basedOn"), W, "val");
        }
        return null;
    }

    /** Text above ASCII is drawn in the hAnsi font; a theme font (Word 2007 on) is never a legacy one. */
    private static String named(Element properties) {
        Element fonts = Xml.child(properties, W, "rFonts");
        if (fonts == null) {
            return null;
        }
        for (String slot : new String[] {"hAnsi", "ascii"}) {
            if (fonts.hasAttributeNS(W, slot + "Theme")) {
                return "";
            }
            if (fonts.hasAttributeNS(W, slot)) {
                return fonts.getAttributeNS(W, slot);
            }
        }
        return null;
    }

    private static boolean isOn(String value) {
        return "1".equals(value) || "true".equals(value) || "on".equals(value);
    }
}
