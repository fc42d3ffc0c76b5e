package vn.sohoa.pipeline.extraction;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import vn.sohoa.core.text.Cp1252View;
import vn.sohoa.core.text.EncodingsFound;
import vn.sohoa.core.text.LegacyVietnamese;
import vn.sohoa.core.text.LegacyVietnamese.Run;

/**
 * An HTML page whose text in legacy fonts ({@code <font face=".VnTime">}, {@code style="font-family:
 * VNI-Times"}, or a class whose style sheet rule names one, as Word's "Save as Web Page" writes) is
 * turned into Unicode and written back as UTF-8, so that Tika then reads it like any other page.
 */
final class LegacyHtml {

    private static final Pattern DECLARED_CHARSET = Pattern.compile(
            "(?i)(?:<meta[^>]*charset\\s*=\\s*[\"']?\\s*|<\\?xml[^>]*encoding\\s*=\\s*[\"'])([\\w.:-]+)");
    /** Pages declared in these are read byte for byte as cp1252 shows them, so that no legacy byte is lost. */
    private static final Set<String> CP1252_LIKE = Set.of("windows-1252", "cp1252", "x-cp1252", "iso-8859-1",
            "iso8859-1", "latin1", "l1", "us-ascii", "ascii");
    private static final Pattern CSS_RULE = Pattern.compile("([^{}]+)\\{([^{}]*)\\}");
    private static final Pattern FONT_FAMILY = Pattern.compile("(?i)(?<![\\w-])font-family\\s*:\\s*([^;]+)");
    private static final Pattern SIMPLE_SELECTOR = Pattern.compile("[a-z0-9]*(\\.[\\w-]+)?");

    private LegacyHtml() {
    }

    /** The page, in UTF-8, with its legacy-font text in Unicode; null when it has none. */
    static byte[] rewrite(byte[] html, EncodingsFound found) {
        String source = decode(html);
        String lower = source.toLowerCase(Locale.ROOT);
        if (!lower.contains(".vn") && !lower.contains("vni") && !lower.contains("viscii")) {
            return null;
        }
        Document page = Jsoup.parse(source);
        Map<String, String> rules = cssFonts(page);
        Map<Element, List<TextNode>> byBlock = new LinkedHashMap<>();
        NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
            if (node instanceof TextNode text && !text.isBlank()) {
                byBlock.computeIfAbsent(block(text), b -> new ArrayList<>()).add(text);
            }
        }, page.body());
        List<List<TextNode>> blocks = new ArrayList<>(byBlock.values());
        List<List<String>> converted = LegacyVietnamese.fromFonts(blocks.stream()
                .map(nodes -> nodes.stream().map(n -> new Run(n.getWholeText(), fontOf(n.parent(), rules))).toList())
                .toList(), found);
        boolean changed = false;
        for (int b = 0; b < blocks.size(); b++) {
            for (int i = 0; i < blocks.get(b).size(); i++) {
                TextNode node = blocks.get(b).get(i);
                if (!converted.get(b).get(i).equals(node.getWholeText())) {
                    node.text(converted.get(b).get(i));
                    changed = true;
                }
            }
        }
        if (!changed) {
            return null;
        }
        page.select("meta[charset], meta[http-equiv~=(?i)content-type]").remove();
        page.outputSettings().prettyPrint(false);
        page.charset(StandardCharsets.UTF_8);
        return page.outerHtml().getBytes(StandardCharsets.UTF_8);
    }

    /** The page's text: from its byte order mark, its declared charset, UTF-8 when valid, else cp1252. */
    static String decode(byte[] html) {
        if (html.length >= 3 && (html[0] & 0xFF) == 0xEF && (html[1] & 0xFF) == 0xBB && (html[2] & 0xFF) == 0xBF) {
            return new String(html, 3, html.length - 3, StandardCharsets.UTF_8);
        }
        if (html.length >= 2 && ((html[0] & 0xFF) == 0xFE && (html[1] & 0xFF) == 0xFF
                || (html[0] & 0xFF) == 0xFF && (html[1] & 0xFF) == 0xFE)) {
            return new String(html, StandardCharsets.UTF_16);
        }
        Matcher declared = DECLARED_CHARSET.matcher(new String(html, 0, Math.min(html.length, 8192),
                StandardCharsets.ISO_8859_1));
        if (declared.find()) {
            String name = declared.group(1).toLowerCase(Locale.ROOT);
            if (!CP1252_LIKE.contains(name) && Charset.isSupported(name)) {
                return new String(html, Charset.forName(name));
            }
            return Cp1252View.decode(html);
        }
        return LegacyPlainText.isUtf8(html) ? new String(html, StandardCharsets.UTF_8) : Cp1252View.decode(html);
    }

    private static Element block(Node node) {
        Element up = node.parent() instanceof Element element ? element : null;
        while (up != null && !up.isBlock() && up.parent() != null) {
            up = up.parent();
        }
        return up;
    }

    /** The font named by the element or its nearest ancestor that names one. */
    private static String fontOf(Node node, Map<String, String> rules) {
        for (Node up = node; up instanceof Element element; up = up.parent()) {
            String font = null;
            if ("font".equals(element.normalName()) && element.hasAttr("face")) {
                font = firstFamily(element.attr("face"));
            }
            if (font == null) {
                font = declaredFont(element.attr("style"));
            }
            for (String name : element.classNames()) {
                String cls = name.toLowerCase(Locale.ROOT);
                if (font == null) {
                    font = rules.getOrDefault(element.normalName() + "." + cls, rules.get("." + cls));
                }
            }
            if (font == null) {
                font = rules.get(element.normalName());
            }
            if (font != null) {
                return font;
            }
        }
        return null;
    }

    /** Fonts of simple style sheet rules ("p.MsoNormal", ".vn", "td"), by selector in lower case. */
    private static Map<String, String> cssFonts(Document page) {
        Map<String, String> rules = new HashMap<>();
        for (Element style : page.select("style")) {
            String css = style.data().replaceAll("(?s)/\\*.*?\\*/", "").replace("<!--", "").replace("-->", "");
            Matcher rule = CSS_RULE.matcher(css);
            while (rule.find()) {
                String font = declaredFont(rule.group(2));
                for (String selector : rule.group(1).split(",")) {
                    String simple = selector.strip().toLowerCase(Locale.ROOT);
                    if (font != null && !simple.isEmpty() && SIMPLE_SELECTOR.matcher(simple).matches()) {
                        rules.put(simple, font);
                    }
                }
            }
        }
        return rules;
    }

    private static String declaredFont(String declarations) {
        Matcher family = FONT_FAMILY.matcher(declarations);
        return family.find() ? firstFamily(family.group(1)) : null;
    }

    private static String firstFamily(String families) {
        String first = families.split(",")[0].strip();
        return first.replaceAll("^[\"']+|[\"']+$", "").strip();
    }
}
