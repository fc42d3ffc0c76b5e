package vn.sohoa.app;

import java.util.concurrent.CountDownLatch;

/** Keeps a started service running until the process is asked to stop (Ctrl-C, SIGTERM), then closes it. */
final class UntilStopped {

    private UntilStopped() {
    }

    static void serve(AutoCloseable running, String name) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("Error while stopping: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, name + "-shutdown"));
        stopped.await();
    }
}
