package vn.sohoa.pipeline.extraction;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Namespace-aware DOM parsing without DTDs or external entities, and the few look-ups we need. */
final class Xml {

    private Xml() {
    }

    static Document parse(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("unreadable XML part: " + e.getMessage(), e);
        }
    }

    static byte[] serialize(Document document) throws IOException {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IOException("could not write an XML part: " + e.getMessage(), e);
        }
    }

    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    /** The first child element with this name, or null (also for a null parent). */
    static Element child(Element parent, String namespace, String name) {
        if (parent == null) {
            return null;
        }
        for (Element child : children(parent)) {
            if (namespace.equals(child.getNamespaceURI()) && name.equals(child.getLocalName())) {
                return child;
            }
        }
        return null;
    }

    /** The attribute's value, or null when the element or the attribute is missing. */
    static String attribute(Element element, String namespace, String name) {
        return element != null && element.hasAttributeNS(namespace, name) ? element.getAttributeNS(namespace, name) : null;
    }

    /** The nearest enclosing element with this name, or null. */
    static Node ancestor(Node node, String namespace, String name) {
        for (Node up = node.getParentNode(); up != null; up = up.getParentNode()) {
            if (up instanceof Element element && namespace.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                return up;
            }
        }
        return null;
    }
}
