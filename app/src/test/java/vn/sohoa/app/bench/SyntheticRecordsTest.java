package vn.sohoa.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import vn.sohoa.core.document.DocumentRecord;
import vn.sohoa.core.storage.Checksums;

class SyntheticRecordsTest {

    private final SyntheticRecords records;

    SyntheticRecordsTest() throws Exception {
        records = new SyntheticRecords(CorpusDocuments.read(Path.of(System.getProperty("user.dir"))
                .resolveSibling("testdata").resolve("corpus")));
    }

    @Test
    void aRecordSaysTheSameAtEveryRunAndItsIdIsItsOriginalsDigest() throws Exception {
        SyntheticRecords.Made once = records.make(42);
        SyntheticRecords.Made again = records.make(42);
        assertEquals(once.record().fullText(), again.record().fullText());
        assertEquals(once.record().metadata(), again.record().metadata());
        assertEquals(Checksums.sha256(once.original()), once.record().id());
        assertEquals(once.original().length, once.record().size());
    }

    @Test
    void recordsVaryAndTheirOriginalsHoldTheirText() throws Exception {
        Set<String> ids = new HashSet<>();
        Set<String> issuers = new HashSet<>();
        int secret = 0;
        int pdfs = 0;
        for (int n = 0; n < 200; n++) {
            SyntheticRecords.Made made = records.make(n);
            DocumentRecord record = made.record();
            ids.add(record.id());
            issuers.add(record.metadata().issuer().value());
            assertTrue(record.pageCount() >= 1 && record.pageCount() <= 20, "pages " + record.pageCount());
            if (record.metadata().confidentiality() != null) {
                secret++;
            }
            String number = record.metadata().documentNumber().value();
            String text;
            if (OriginalFiles.PDF.equals(record.contentType())) {
                pdfs++;
                try (var pdf = Loader.loadPDF(made.original())) {
                    assertEquals(record.pageCount(), pdf.getNumberOfPages());
                    text = new PDFTextStripper().getText(pdf);
                }
            } else {
                try (var docx = new XWPFDocument(new java.io.ByteArrayInputStream(made.original()));
                     var extractor = new XWPFWordExtractor(docx)) {
                    text = extractor.getText();
                }
            }
            String firstLine = record.pages().get(0).text().split("\n")[0];
            assertTrue(text.contains(firstLine), "the original holds the record's first line: " + firstLine);
            assertTrue(record.fullText().contains(number) || record.fullText().contains(record.metadata().codeNumber().value()),
                    number);
        }
        assertEquals(200, ids.size(), "no two records share their bytes");
        assertTrue(issuers.size() > 10, "issuers " + issuers.size());
        assertTrue(secret > 0 && secret < 40, "MẬT " + secret);
        assertTrue(pdfs > 20 && pdfs < 90, "PDFs " + pdfs);
    }
}
