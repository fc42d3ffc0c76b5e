package vn.sohoa.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FailureReportTest {

    @Test
    void aReportNameNeverPassesTheFileSystemLimit() {
        assertEquals("a.pdf.error.json", FailureReport.reportName("a.pdf"));
        String longName = "Biên bản họp Ban Chấp hành Công đoàn cơ sở ".repeat(6) + ".pdf";
        String report = FailureReport.reportName(longName);
        assertTrue(report.getBytes(StandardCharsets.UTF_8).length <= 255, report);
        assertTrue(report.endsWith(".error.json"));
    }
}
