package ipc.tests.leaks;

import static ipc.tests.support.LeakCheck.Release.AT_ONCE;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcException;
import ipc.api.IpcReceiverSet;
import ipc.tests.support.LeakCheck;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Receivers and receiver sets closed from another thread while a thread waits on them: the waiting call ends with
 * an exception, and whatever the wait and its wake-up used is released.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ConcurrentCloseLeakTest {

    private static ExecutorService waiter;

    @BeforeAll
    static void startWaiter() {
        waiter = Executors.newSingleThreadExecutor(task -> new Thread(task, "leak-test-waiter"));
    }

    @AfterAll
    static void stopWaiter() {
        waiter.shutdownNow();
    }

    @Test
    void receiverClosedWhileAThreadWaits() throws Exception {
        // A closed receiver wakes its waiter within a slice of the receive timeout: few rounds, each up to a slice.
        LeakCheck.assertNoGrowth("receivers closed under a waiting receive", 3, 20, AT_ONCE, i -> {
            try (IpcChannel<String> channel = Ipc.channel(String.class)) {
                CountDownLatch waiting = new CountDownLatch(1);
                Future<?> receive = waiter.submit(() -> {
                    waiting.countDown();
                    return channel.receiver().tryRecv(Leaks.WAIT);
                });
                waiting.await(Leaks.WAIT.toMillis(), TimeUnit.MILLISECONDS);
                channel.receiver().close();
                assertEnded(receive);
            }
        });
    }

    @Test
    void receiverSetClosedWhileAThreadSelects() throws Exception {
        LeakCheck.assertNoGrowth("receiver sets closed under a waiting select", 5, 100, AT_ONCE, i -> {
            try (IpcChannel<String> channel = Ipc.channel(String.class)) {
                IpcReceiverSet set = IpcReceiverSet.create();
                set.add(channel.receiver());
                CountDownLatch waiting = new CountDownLatch(1);
                Future<?> select = waiter.submit(() -> {
                    waiting.countDown();
                    return set.trySelect(Leaks.WAIT);
                });
                waiting.await(Leaks.WAIT.toMillis(), TimeUnit.MILLISECONDS);
                set.close();
                assertEnded(select);
            }
        });
    }

    /** The waiting call ended with an exception (whether it was already waiting when the close came or not). */
    private static void assertEnded(Future<?> call) throws Exception {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> call.get(Leaks.WAIT.toMillis(), TimeUnit.MILLISECONDS), "the wait ends when closed");
        if (!(failure.getCause() instanceof IllegalStateException)) {
            assertInstanceOf(IpcException.class, failure.getCause(), "closed: " + failure.getCause());
        }
    }
}
