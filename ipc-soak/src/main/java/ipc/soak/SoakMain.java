package ipc.soak;

import java.time.Duration;

/**
 * The {@code soak.sh} command: {@code [--minutes N] [--workers K] [--seed S]} (and {@code --seconds N} for short
 * runs). Prints the summary and exits 0 only if every check held, 1 otherwise, 2 on bad arguments. A watchdog ends
 * the JVM with status 3 if the run overstays its bound (the duration, plus start-up and shutdown allowances), so a
 * bug in the coordinator itself cannot hang the command either.
 */
public final class SoakMain {

    private static final Duration OVERSTAY = Duration.ofMinutes(5);

    private SoakMain() {}

    /**
     * Runs the soak test.
     *
     * @param args the options
     * @throws Exception if the coordinator cannot run at all
     */
    public static void main(String[] args) throws Exception {
        SoakOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("soak: " + e.getMessage());
            System.err.println("usage: soak.sh [--minutes N] [--workers K] [--seed S]");
            System.exit(2);
            return;
        }
        // Ctrl-C, or the watchdog: no worker JVM outlives the coordinator.
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly)));
        startWatchdog(options.duration().plus(OVERSTAY));
        System.out.printf("soak: %s of traffic, %d workers, seed %d, JDK %s%n", options.duration(), options.workers(),
                options.seed(), Runtime.version());
        SoakReport report = Coordinator.run(options);
        System.out.print(report.summary());
        System.exit(report.passed() ? 0 : 1);
    }

    static SoakOptions parse(String[] args) {
        Duration duration = Duration.ofMinutes(3);
        int workers = 3;
        long seed = System.nanoTime();
        for (int i = 0; i < args.length; i++) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + args[i]);
            }
            String value = args[++i];
            try {
                switch (args[i - 1]) {
                    case "--minutes" -> duration = Duration.ofMillis((long) (Double.parseDouble(value) * 60_000));
                    case "--seconds" -> duration = Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
                    case "--workers" -> workers = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number after " + args[i - 1] + ": " + value);
            }
        }
        return SoakOptions.of(duration, workers, seed);
    }

    private static void startWatchdog(Duration limit) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(limit.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("soak: FAILED, still running " + limit + " after the start: giving up");
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                System.err.println(thread);
                for (StackTraceElement frame : stack) {
                    System.err.println("    at " + frame);
                }
            });
            System.exit(3);
        }, "soak-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
