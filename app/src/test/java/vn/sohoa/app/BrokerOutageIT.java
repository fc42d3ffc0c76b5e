package vn.sohoa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.sohoa.app.RunningArchive.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.sohoa.core.work.PageQueues;
import vn.sohoa.engines.EmbeddedBroker;
import vn.sohoa.engines.FreePort;

/**
 * An external broker (SOHOA_BROKER_URL) that stops answering, or does not answer when sohoa starts,
 * is an outage, as a stopped store or index is: scans dropped meanwhile wait in the inbox, health
 * says the broker is down, and they are archived once the broker is back on its data folder and port.
 */
@ExtendWith(RunningArchive.Extension.class)
class BrokerOutageIT {

    private final RunningArchive archive = RunningArchive.get();
    private EmbeddedBroker broker;

    @Test
    void scansWaitWhileTheBrokerIsDownAndAreArchivedWhenItIsBack() throws Exception {
        Path brokerData = Files.createTempDirectory("sohoa-broker-");
        int port = FreePort.onLoopback();
        broker = EmbeddedBroker.start(brokerData, "127.0.0.1", port);
        try (SohoaProcess sohoa = SohoaProcess.create(archive.sohoa().settings(), "512m")
                .with("SOHOA_BROKER_URL", broker.url())
                .with("SOHOA_OCR_THREADS", "1")) {
            sohoa.start();
            try {
                filesWaitForTheBroker(sohoa, brokerData, port);
            } catch (AssertionError | Exception e) {
                // Stopped as Ctrl-C does, a sohoa whose broker is away would wait for it.
                sohoa.kill();
                throw e;
            }
        } finally {
            broker.close();
            RunningArchive.deleteTree(brokerData);
        }
    }

    @Test
    void sohoaStartsWhileItsBrokerIsDownAndArchivesOnceItAnswers() throws Exception {
        Path brokerData = Files.createTempDirectory("sohoa-broker-");
        int port = FreePort.onLoopback();
        try (SohoaProcess sohoa = SohoaProcess.create(archive.sohoa().settings(), "512m")
                .with("SOHOA_BROKER_URL", "tcp://127.0.0.1:" + port)
                .with("SOHOA_OCR_THREADS", "1")) {
            try {
                sohoa.start();
                String word = word();
                String id = drop(sohoa, "cong van quet.pdf", ScannedPages.pdf(1, word, "broker down at start"));
                await(Duration.ofSeconds(60), "the file to count as waiting for the engines",
                        () -> waitingForEngines(sohoa) == 1 || !files(sohoa.data().resolve("failed")).isEmpty());
                assertEquals(List.of(), files(sohoa.data().resolve("failed")), "nothing fails for an outage");
                assertEquals(1, files(sohoa.inbox()).size(), "the file waits in the inbox");
                assertEquals("DOWN", engine(sohoa, "broker"));
                assertEquals("DEGRADED", sohoa.getJson("/api/health").path("status").asText());

                broker = EmbeddedBroker.start(brokerData, "127.0.0.1", port);
                await(Duration.ofMinutes(4), "the file to be archived once the broker answers\n" + sohoa.logTail(),
                        () -> state(sohoa, id).equals("ARCHIVED"));
                assertEquals("UP", engine(sohoa, "broker"));
                await(Duration.ofSeconds(30), "the scan to be found by its printed word " + word,
                        () -> found(sohoa, word).contains(id));
                assertEquals(3, deadLetterSettings(),
                        "the page queue was set up once the broker answered: a page is given up after three tries");
            } catch (AssertionError | Exception e) {
                sohoa.kill();
                throw e;
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
            RunningArchive.deleteTree(brokerData);
        }
    }

    @Test
    void aSohoaAndItsWorkerWhoseBrokerWentAwayStopWhenAsked() throws Exception {
        Path brokerData = Files.createTempDirectory("sohoa-broker-");
        broker = EmbeddedBroker.start(brokerData, "127.0.0.1", FreePort.onLoopback());
        try (SohoaProcess sohoa = SohoaProcess.create(archive.sohoa().settings(), "512m")
                .with("SOHOA_BROKER_URL", broker.url())
                .with("SOHOA_OCR_THREADS", "1")) {
            sohoa.start();
            Process worker = sohoa.startWorker(1);
            try {
                await(Duration.ofSeconds(60), "the worker process to announce itself",
                        () -> sohoa.workersSeen().stream().anyMatch(w -> "process".equals(w.path("kind").asText())));
                broker.close();
                await(Duration.ofSeconds(30), "health to say the broker is down",
                        () -> "DOWN".equals(engine(sohoa, "broker")));
                // Their consumers now wait for the broker's return; each of them used to be closed through a
                // call that waited 30 s for it, so that a stop took minutes.
                worker.destroy();
                boolean workerStopped = worker.waitFor(60, TimeUnit.SECONDS);
                boolean sohoaStopped = sohoa.stopWithin(Duration.ofSeconds(60));
                assertTrue(workerStopped, "a worker whose broker went away stops within a minute when asked");
                assertTrue(sohoaStopped, "a sohoa whose broker went away stops within a minute when asked\n"
                        + sohoa.logTail());
            } finally {
                worker.destroyForcibly();
                sohoa.kill();
            }
        } finally {
            broker.close();
            RunningArchive.deleteTree(brokerData);
        }
    }

    private int deadLetterSettings() {
        return broker.maxDeliveryAttempts(PageQueues.PAGES);
    }

    private void filesWaitForTheBroker(SohoaProcess sohoa, Path brokerData, int port) throws Exception {
        broker.close();
        String word = word();
        byte[] pdf = ScannedPages.pdf(1, word, "broker outage");
        byte[] tiff = ScannedPages.tiff(List.of(ScannedPages.page(2, word)));
        List<String> ids = List.of(drop(sohoa, "cong van quet.pdf", pdf), drop(sohoa, "to trinh quet.tif", tiff));
        // Longer than a page sent to a broker that went away takes to fail (a minute).
        await(Duration.ofSeconds(90), "both files to count as waiting for the engines, none failed",
                () -> waitingForEngines(sohoa) == 2 || !files(sohoa.data().resolve("failed")).isEmpty());
        Thread.sleep(15_000);
        assertEquals(List.of(), files(sohoa.data().resolve("failed")), "nothing fails for an outage");
        assertEquals(2, files(sohoa.inbox()).size(), "the files wait in the inbox");
        for (String id : ids) {
            assertFalse(state(sohoa, id).equals("FAILED"), id + " waits");
        }
        assertEquals("DOWN", engine(sohoa, "broker"));
        assertEquals("DEGRADED", sohoa.getJson("/api/health").path("status").asText());

        broker = EmbeddedBroker.start(brokerData, "127.0.0.1", port);
        for (String id : ids) {
            await(Duration.ofMinutes(4), id + " to be archived after the outage\n" + sohoa.logTail(),
                    () -> state(sohoa, id).equals("ARCHIVED"));
        }
        assertEquals("UP", engine(sohoa, "broker"));
        assertEquals(0, waitingForEngines(sohoa), "nothing waits once the broker is back");
        StringBuilder read = new StringBuilder();
        for (String id : ids) {
            read.append('\n').append(sohoa.getJson("/api/documents/" + id + "/text"));
        }
        await(Duration.ofSeconds(30), "both scans to be found by their printed word " + word + "; read:" + read,
                () -> found(sohoa, word).containsAll(ids));
    }

    /**
     * Seven different digits, which OCR reads as printed: a run of random capitals was sometimes
     * misread ("KHOSDEKHPHE" read "KHOSDEKHPRHE"), and so was a number repeating a pair of digits
     * ("9393309" read "93935309"); the scan was then not found by it.
     */
    private static String word() {
        List<Character> digits = new ArrayList<>(List.of('1', '2', '3', '4', '5', '6', '7', '8', '9', '0'));
        Collections.shuffle(digits.subList(0, 9));
        Collections.shuffle(digits.subList(1, 10));
        StringBuilder word = new StringBuilder();
        digits.subList(0, 7).forEach(word::append);
        return word.toString();
    }

    private static String drop(SohoaProcess sohoa, String name, byte[] bytes) throws Exception {
        Path part = sohoa.inbox().resolve(name + ".part");
        Files.write(part, bytes);
        Files.move(part, sohoa.inbox().resolve(name));
        return RunningArchive.sha256(bytes);
    }

    private static List<Path> files(Path folder) {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> found(SohoaProcess sohoa, String word) {
        List<String> ids = new ArrayList<>();
        try {
            sohoa.getJson("/api/search?q=" + word).path("hits").forEach(hit -> ids.add(hit.path("id").asText()));
        } catch (Exception e) {
            return List.of();
        }
        return ids;
    }

    private static String engine(SohoaProcess sohoa, String name) {
        try {
            return sohoa.getJson("/api/health").path("engines").path(name).path("status").asText();
        } catch (Exception e) {
            return "";
        }
    }

    private static long waitingForEngines(SohoaProcess sohoa) {
        try {
            return sohoa.getJson("/api/ingest/status").path("waitingForEngines").asLong();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String state(SohoaProcess sohoa, String id) {
        try {
            JsonNode state = sohoa.getJson("/api/ingest/" + id);
            return state.path("state").asText();
        } catch (Exception e) {
            return "";
        }
    }
}
