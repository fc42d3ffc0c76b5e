package vn.sohoa.pipeline.pdfa;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * What makes a document declare itself PDF/A-2b: XMP metadata naming the part and conformance
 * (with the title, also in the document information), and an sRGB output intent that gives the
 * page images' device colours their meaning.
 */
final class PdfaIdentity {

    static final int PART = 2;
    static final String CONFORMANCE = "B";
    private static final String SRGB = "sRGB IEC61966-2.1";
    private static final String CREATOR = "sohoa";

    private PdfaIdentity() {
    }

    static void declare(PDDocument document, String title) throws IOException {
        document.getDocumentInformation().setTitle(title);
        document.getDocumentInformation().setCreator(CREATOR);
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xmp(title));
        document.getDocumentCatalog().setMetadata(metadata);

        PDOutputIntent intent = new PDOutputIntent(document,
                new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        document.getDocumentCatalog().addOutputIntent(intent);
    }

    private static byte[] xmp(String title) throws IOException {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dublinCore = xmp.createAndAddDublinCoreSchema();
        dublinCore.setTitle(title);
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool(CREATOR);
        PDFAIdentificationSchema identification = xmp.createAndAddPDFAIdentificationSchema();
        try {
            identification.setPart(PART);
            identification.setConformance(CONFORMANCE);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, bytes, true);
            return bytes.toByteArray();
        } catch (org.apache.xmpbox.type.BadFieldValueException | TransformerException e) {
            throw new IOException("Could not write the PDF/A metadata: " + e.getMessage(), e);
        }
    }
}
