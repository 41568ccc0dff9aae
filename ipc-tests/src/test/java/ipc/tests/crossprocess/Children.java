package ipc.tests.crossprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ipc.api.IpcOneShotServer;
import ipc.tests.children.Child;
import ipc.tests.support.ChildJvm;
import java.time.Duration;
import java.util.Optional;

/** Starting children and accepting them, with every wait bounded. */
final class Children {

    /** How long a child may take to start a JVM and connect; generous for a loaded 2-core CI machine. */
    static final Duration CONNECT = Duration.ofSeconds(60);
    static final long EXIT_SECONDS = 60;

    private Children() {}

    static ChildJvm start(String scenario, String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = scenario;
        System.arraycopy(args, 0, all, 1, args.length);
        return ChildJvm.start(Child.class, all);
    }

    static <T> IpcOneShotServer.Accepted<T> accept(IpcOneShotServer<T> server, ChildJvm child) throws Exception {
        Optional<IpcOneShotServer.Accepted<T>> accepted = server.tryAccept(CONNECT);
        return accepted.orElseThrow(() -> new AssertionError("the child did not connect within " + CONNECT
                + "; its output:\n" + child.output()));
    }

    static void assertExitsCleanly(ChildJvm child) throws InterruptedException {
        assertEquals(Optional.of(0), child.waitFor(EXIT_SECONDS), () -> "child exit status; output:\n"
                + child.output());
    }
}
