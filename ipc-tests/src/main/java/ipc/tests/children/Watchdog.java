package ipc.tests.children;

import java.util.concurrent.TimeUnit;

/** Ends a child JVM with status 3 if it runs for too long, so a bug never leaves a process behind. */
final class Watchdog {

    private static final long SECONDS = 120;

    private Watchdog() {}

    /** Starts the watchdog thread (a daemon). */
    static void start() {
        Thread watchdog = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(SECONDS);
                System.err.println("child watchdog: still running after " + SECONDS + " s");
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "child-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
