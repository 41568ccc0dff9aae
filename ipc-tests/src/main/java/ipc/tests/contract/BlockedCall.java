package ipc.tests.contract;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * A call running on its own thread, started so that a test can act while the call is (very likely) blocked and
 * then collect how it ended. Whether the call was already blocked when the test acted does not change what the test
 * asserts, only how much of the waking path it exercises.
 */
final class BlockedCall {

    /** How long {@link #start} gives the call to reach a waiting state, when the JVM can tell. */
    private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final CompletableFuture<Object> outcome;

    private BlockedCall(CompletableFuture<Object> outcome) {
        this.outcome = outcome;
    }

    /** Starts {@code call} and returns once it has begun and, if the JVM shows it, parked. */
    static BlockedCall start(String name, ThrowingSupplier<?> call) throws InterruptedException {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        CountDownLatch started = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            started.countDown();
            try {
                outcome.complete(call.get());
            } catch (Throwable t) {
                outcome.completeExceptionally(t);
            }
        }, "blocked-" + name);
        thread.setDaemon(true);
        thread.start();
        assertTrue(started.await(Contracts.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), name + " thread started");
        // A transport blocked in a system call shows RUNNABLE; one parked on a lock shows WAITING. Either way,
        // give it a bounded moment to get there: this affects coverage, never the verdict.
        long deadline = System.nanoTime() + SETTLE_NANOS;
        while (thread.getState() == Thread.State.RUNNABLE && System.nanoTime() - deadline < 0
                && !outcome.isDone()) {
            Thread.onSpinWait();
        }
        return new BlockedCall(outcome);
    }

    /** How the call failed; fails the test if it returned normally or did not end within the timeout. */
    Throwable failure() throws InterruptedException {
        try {
            Object result = outcome.get(Contracts.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return fail("expected the blocked call to throw, but it returned " + result);
        } catch (ExecutionException e) {
            assertNotNull(e.getCause(), "the failure has a cause");
            return e.getCause();
        } catch (TimeoutException e) {
            return fail("the blocked call was not woken within " + Contracts.TIMEOUT);
        }
    }

    /** What the call returned; fails the test if it threw or did not end within the timeout. */
    Object result() throws InterruptedException {
        try {
            return outcome.get(Contracts.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the blocked call threw " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            return fail("the blocked call did not return within " + Contracts.TIMEOUT);
        }
    }
}
