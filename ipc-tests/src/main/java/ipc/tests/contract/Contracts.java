package ipc.tests.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import ipc.api.IpcBytesReceiver;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcException;
import ipc.api.IpcReceiver;
import ipc.api.IpcReceiverSet;
import ipc.api.IpcSelectionResult;
import ipc.api.IpcSerializationException;
import ipc.api.OpaqueIpcMessage;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.function.ThrowingSupplier;

/** Bounds and bounded helpers shared by the contracts. */
final class Contracts {

    /** The longest any single step may take before the test fails instead of hanging. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** How long a test watches for something that must not happen (a message that must not arrive). */
    static final Duration QUIET = Duration.ofMillis(200);
    /** How long {@link #awaitRelease} lets the garbage collector and the cleaner work. */
    static final Duration GC_PATIENCE = Duration.ofSeconds(30);

    private Contracts() {}

    /** Something a test polls for; may throw. */
    @FunctionalInterface
    interface Probe {
        boolean holds() throws Exception;
    }

    /** Something a background thread does; may throw. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    /**
     * Runs {@code action} on a new daemon thread: for sends of large (or many) messages, which a transport may block
     * until the receiving side reads them.
     */
    static CompletableFuture<Void> inBackground(String name, Action action) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    /** Waits at most {@link #TIMEOUT} for a background action, failing the test if it failed or did not end. */
    static void awaitDone(CompletableFuture<Void> done, String what) throws InterruptedException {
        try {
            done.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(what + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            fail(what + " did not finish within " + TIMEOUT);
        }
    }

    /** The next message, failing the test instead of waiting longer than {@link #TIMEOUT}. */
    static <T> T receive(IpcReceiver<T> receiver, String what) throws IpcException {
        Optional<T> message = receiver.tryRecv(TIMEOUT);
        assertFalse(message.isEmpty(), what + ": nothing arrived within " + TIMEOUT);
        return message.get();
    }

    /** The next bytes message, failing the test instead of waiting longer than {@link #TIMEOUT}. */
    static byte[] receive(IpcBytesReceiver receiver, String what) throws IpcException {
        Optional<byte[]> message = receiver.tryRecv(TIMEOUT);
        assertFalse(message.isEmpty(), what + ": nothing arrived within " + TIMEOUT);
        return message.get();
    }

    /** The next element of a queue (such as a router's), failing the test instead of waiting past the timeout. */
    static <T> T take(BlockingQueue<T> queue, String what) throws InterruptedException {
        T value = queue.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (value == null) {
            fail(what + ": nothing arrived within " + TIMEOUT);
        }
        return value;
    }

    /** Compares long strings without printing megabytes when they differ. */
    static void assertSameText(String expected, String actual, String what) {
        if (expected.equals(actual)) {
            return;
        }
        int common = 0;
        while (actual != null && common < Math.min(expected.length(), actual.length())
                && expected.charAt(common) == actual.charAt(common)) {
            common++;
        }
        fail(what + ": expected " + expected.length() + " chars, got " + (actual == null ? "null"
                : actual.length() + " chars, first difference at index " + common));
    }

    /** Runs a call that blocks (such as {@code recv()}), failing the test if it does not return in time. */
    static <T> T within(String what, ThrowingSupplier<T> action) {
        return assertTimeoutPreemptively(TIMEOUT, action, what + " did not return within " + TIMEOUT);
    }

    /** The next non-empty selection, failing the test instead of waiting longer than {@link #TIMEOUT}. */
    static List<IpcSelectionResult> select(IpcReceiverSet set, String what) throws IpcException {
        List<IpcSelectionResult> results = set.trySelect(TIMEOUT);
        assertFalse(results.isEmpty(), what + ": nothing was ready within " + TIMEOUT);
        return results;
    }

    /** Decodes a routed message inside a callback, which cannot throw checked exceptions. */
    static <T> T decodeOrFail(OpaqueIpcMessage message, Class<T> type) {
        try {
            return message.to(type);
        } catch (IpcSerializationException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that the receiver reports disconnection (waiting at most {@link #TIMEOUT} for it). */
    static void assertDisconnected(IpcReceiver<?> receiver, String why) {
        IpcDisconnectedException e = assertThrows(IpcDisconnectedException.class,
                () -> receiver.tryRecv(TIMEOUT), why);
        assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "IpcDisconnectedException has a message");
    }

    /** Asserts that nothing is queued right now and the channel is not disconnected. */
    static void assertNothingQueued(IpcReceiver<?> receiver, String why) throws IpcException {
        assertEquals(Optional.empty(), receiver.tryRecv(), why);
    }

    /**
     * Runs the garbage collector until {@code released} holds. Polling is deliberate here and only here: a
     * {@link java.lang.ref.Cleaner} acts after the collector has found a handle unreachable, which no API call can
     * wait for. Bounded by {@link #GC_PATIENCE}.
     */
    static void awaitRelease(String what, Probe released) throws Exception {
        long deadline = System.nanoTime() + GC_PATIENCE.toNanos();
        while (!released.holds()) {
            if (System.nanoTime() - deadline > 0) {
                fail(what + " was not released within " + GC_PATIENCE + " of repeated garbage collection");
            }
            System.gc();
            Thread.sleep(10);
        }
    }
}
