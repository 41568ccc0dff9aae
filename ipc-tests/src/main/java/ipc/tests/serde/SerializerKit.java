package ipc.tests.serde;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ipc.api.IpcException;
import ipc.api.IpcReceiver;
import ipc.api.spi.IpcSerializer;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * The base of every kit class: holds the fixture and the bounded helpers the tests share. A serializer module
 * subclasses the concrete kits ({@link RoundTripKit}, {@link LargeValueKit}, ...), not this class.
 *
 * <h2>Thread safety</h2>
 * One instance per test method, as JUnit creates them.
 */
public abstract class SerializerKit {

    /** The longest any single step may take before the test fails instead of hanging. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** The fixture of the serializer under test. */
    protected final SerializerFixture fixture;
    /** Its serializer. */
    protected final IpcSerializer serializer;

    /**
     * Binds the kit to a serializer.
     *
     * @param fixture the serializer under test and its samples
     */
    protected SerializerKit(SerializerFixture fixture) {
        this.fixture = Objects.requireNonNull(fixture, "fixture");
        this.serializer = Objects.requireNonNull(fixture.serializer(), "fixture.serializer()");
    }

    /** Something that may throw, run on a background thread. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    /** The next message, failing the test instead of waiting longer than {@code timeout}. */
    static <T> T receive(IpcReceiver<T> receiver, Duration timeout, String what) throws IpcException {
        Optional<T> message = receiver.tryRecv(timeout);
        assertFalse(message.isEmpty(), what + ": nothing arrived within " + timeout);
        return message.get();
    }

    /** The next message, failing the test instead of waiting longer than {@link #TIMEOUT}. */
    static <T> T receive(IpcReceiver<T> receiver, String what) throws IpcException {
        return receive(receiver, TIMEOUT, what);
    }

    /** Runs a call that may block, failing the test if it does not return within {@link #TIMEOUT}. */
    static <T> T within(String what, ThrowingSupplier<T> action) {
        return assertTimeoutPreemptively(TIMEOUT, action, what + " did not return within " + TIMEOUT);
    }

    /** Runs {@code action} on a new daemon thread: for sends that block until the other side reads. */
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

    /** Waits at most {@code timeout} for a background action, failing the test if it failed or did not end. */
    static void awaitDone(CompletableFuture<Void> done, Duration timeout, String what) throws InterruptedException {
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(what + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            fail(what + " did not finish within " + timeout);
        }
    }

    /** Asserts that {@code message} mentions every one of {@code parts}, ignoring case. */
    static void assertMentions(String message, String what, String... parts) {
        for (String part : parts) {
            assertTrue(message != null && message.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT)),
                    what + ": the error message should mention '" + part + "': " + message);
        }
    }

    /** Asserts that {@code received} equals the sample's value. */
    static void assertArrived(Sample<?> sample, Object received, String what) {
        assertTrue(sample.matches(received), what + ": " + sample + " arrived different: sent "
                + Sample.shown(sample.value()) + ", received " + Sample.shown(received));
    }

    /** The simple name of a sample's declared class, which every decode error about it must mention. */
    static String simpleName(Sample<?> sample) {
        return sample.type().rawType().getSimpleName();
    }
}
