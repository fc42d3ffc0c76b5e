package vn.sohoa.pipeline.pdfa;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF, the PDF/A validator of record, on a file: which flavour it claims and which rules it breaks. */
public final class PdfaValidation {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfaValidation() {
    }

    public record Result(PDFAFlavour flavour, boolean compliant, List<String> failures) {
    }

    public static Result validate(Path pdf) throws Exception {
        try (InputStream in = Files.newInputStream(pdf);
             PDFAParser parser = Foundries.defaultInstance().createParser(in)) {
            PDFAFlavour flavour = parser.getFlavour();
            PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
            ValidationResult result = validator.validate(parser);
            List<String> failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct()
                    .toList();
            return new Result(flavour, result.isCompliant(), failures);
        } catch (IOException e) {
            throw e;
        }
    }
}
