package ipc.tests.children;

import java.util.Arrays;

/**
 * The entry point of every child JVM of the cross-process tests: {@code Child <scenario> <server name>...}.
 * Exits 0 when its part succeeded; prints the failure and exits 1 otherwise. A watchdog ends it with status 3 if
 * it runs for more than two minutes, so a bug never leaves a process behind.
 */
public final class Child {

    private Child() {}

    /**
     * Runs one scenario.
     *
     * @param args the scenario name, then its arguments
     */
    public static void main(String[] args) {
        Watchdog.start();
        try {
            ChildScenarios.run(args[0], Arrays.copyOfRange(args, 1, args.length));
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }
}
