package vn.sohoa.pipeline.extraction;

import java.io.IOException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDIndexed;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;

/**
 * Whether a scanned PDF page is worth rendering in colour: only when it holds a colour image, so that
 * OCR can lift red and purple seal ink off the signer's block. Grey and bilevel scans render grey,
 * a quarter of the memory.
 */
public final class PageColours {

    private PageColours() {
    }

    public static ImageType renderingFor(PDPage page) throws IOException {
        PDResources resources = page.getResources();
        if (resources == null) {
            return ImageType.GRAY;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject image && !image.isStencil() && isColour(image.getColorSpace())) {
                return ImageType.RGB;
            }
        }
        return ImageType.GRAY;
    }

    private static boolean isColour(PDColorSpace space) {
        PDColorSpace base = space instanceof PDIndexed indexed ? indexed.getBaseColorSpace() : space;
        return base != null && base.getNumberOfComponents() >= 3;
    }
}
