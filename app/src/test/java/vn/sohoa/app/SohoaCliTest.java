package vn.sohoa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SohoaCliTest {

    @Test
    void everyCommandExplainsItselfWithHelp() {
        for (String[] command : new String[][] {{"bench", "scale"}, {"ingest"}, {"user", "add"}, {"ocr-worker"}}) {
            StringWriter out = new StringWriter();
            CommandLine cli = SohoaCli.commandLine();
            cli.setOut(new PrintWriter(out));
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
                    java.util.stream.Stream.of("--help")).toArray(String[]::new);
            assertEquals(0, cli.execute(args), String.join(" ", args));
            assertTrue(out.toString().startsWith("Usage: sohoa " + String.join(" ", command)), out.toString());
        }
    }
}
