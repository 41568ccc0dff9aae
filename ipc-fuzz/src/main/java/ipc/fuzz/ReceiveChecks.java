package ipc.fuzz;

import ipc.api.IpcException;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The properties every fuzz input is held to. A violation throws {@link AssertionError}, which the fuzzer reports as
 * a finding (and saves the input).
 * <ul>
 *   <li>Only {@link IpcException} (and subclasses) escapes a receive: any other exception or error is a finding.</li>
 *   <li>Every receive is bounded ({@link #RECEIVE_TIMEOUT}); a message sent but neither delivered nor refused
 *       within it is a finding (an input can never block the run).</li>
 *   <li>The receiving thread allocates at most {@link #ALLOCATION_CONSTANT} plus {@link #ALLOCATION_PER_BYTE} times
 *       the input's length during one receive, counted by {@code com.sun.management.ThreadMXBean}.</li>
 *   <li>No descriptor is left open once the harness closed what it made and what it was handed
 *       ({@link #assertNoDescriptorGrowth}).</li>
 * </ul>
 *
 * <p>The allocation bound, and why: a receive copies the datagram's payload to the heap once and a serializer
 * builds the value (strings, lists, boxed numbers: a few times the payload); the input is at most the payload plus
 * a few control bytes. The constant covers what does not grow with the input: an exception with its stack trace
 * and message (a few KiB), Jackson's and Kryo's per-message parser state and buffers (Jackson's CBOR parser
 * recycles 8 KiB buffers, Kryo's Input and pooled instance), protobuf's CodedInputStream, and the transport's
 * per-receive objects; 4 MiB is several times all of them, and still far below what a lying length would cost (a
 * declared 2 GiB string, a 2^31 element array). 8 bytes per input byte covers a serializer that holds the payload,
 * a char copy of a string (2 bytes per byte) and boxed list elements (16+ bytes per 1-2 byte element are possible,
 * but bounded by far fewer elements than bytes). Override with {@code -Dipc.fuzz.allocation.constant=BYTES} and
 * {@code -Dipc.fuzz.allocation.perByte=N}.
 *
 * <p>A receive during which the JVM loaded a class is not held to the allocation bound: loading (and Jazzer's
 * instrumentation of) the classes of a code path taken for the first time allocates megabytes on the loading thread.
 * The next input that takes the same path is held to it.
 *
 * <h2>Thread safety</h2>
 * Stateless; each check measures the calling thread.
 */
public final class ReceiveChecks {

    /** Allocation allowed per receive whatever the input's size, in bytes. */
    public static final long ALLOCATION_CONSTANT = Long.getLong("ipc.fuzz.allocation.constant", 4L << 20);
    /** Allocation allowed per receive per byte of input. */
    public static final long ALLOCATION_PER_BYTE = Long.getLong("ipc.fuzz.allocation.perByte", 8);
    /** The longest one receive may wait for a message that was sent. */
    public static final Duration RECEIVE_TIMEOUT = Duration.ofMillis(Long.getLong("ipc.fuzz.receiveTimeoutMillis",
            5_000));

    private static final int SHOWN_BYTES = 32;
    private static final com.sun.management.ThreadMXBean THREADS = allocationCounter();
    private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();

    private ReceiveChecks() {}

    /**
     * A receive or decode to check.
     *
     * @param <R> what it returns
     */
    @FunctionalInterface
    public interface Receive<R> {
        /**
         * Runs it.
         *
         * @return the result
         * @throws Exception what it throws; only {@link IpcException} is allowed to escape
         */
        R call() throws Exception;
    }

    /**
     * Runs one receive: its result, or null if it ended with an {@link IpcException}.
     *
     * @param <R> the result type
     * @param what describes the input, for the failure message
     * @param inputLength the input's length, for the allocation bound
     * @param receive the receive
     * @return the result, or null for an {@link IpcException}
     * @throws AssertionError if anything but an {@link IpcException} escaped, or it allocated too much
     */
    public static <R> R receive(String what, int inputLength, Receive<R> receive) {
        return run(what, inputLength, receive, false);
    }

    /**
     * Runs one direct {@code MessageCodec.decode} call: its result, or null if it ended with an {@link IpcException}
     * or a {@link RuntimeException} (the codec contract lets a codec throw one: the API wraps it into an
     * {@code IpcSerializationException}, as it does a {@link StackOverflowError}). Any other error, and
     * over-allocation, is a finding.
     *
     * @param <R> the result type
     * @param what describes the input, for the failure message
     * @param inputLength the input's length, for the allocation bound
     * @param decode the decode call
     * @return the result, or null if the codec refused the input
     * @throws AssertionError if an error escaped, or it allocated too much
     */
    public static <R> R decode(String what, int inputLength, Receive<R> decode) {
        return run(what, inputLength, decode, true);
    }

    private static <R> R run(String what, int inputLength, Receive<R> receive, boolean codecLevel) {
        long budget = ALLOCATION_CONSTANT + ALLOCATION_PER_BYTE * inputLength;
        long classesBefore = CLASSES.getTotalLoadedClassCount();
        long before = THREADS.getCurrentThreadAllocatedBytes();
        R result = null;
        try {
            result = receive.call();
        } catch (IpcException expected) {
            // The one allowed outcome besides a value.
        } catch (RuntimeException | StackOverflowError e) {
            if (!codecLevel) {
                throw new AssertionError(what + ": " + e + " escaped instead of an IpcException", e);
            }
        } catch (Exception | Error e) {
            throw new AssertionError(what + ": " + e + " escaped instead of an IpcException", e);
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        if (allocated > budget && CLASSES.getTotalLoadedClassCount() == classesBefore) {
            throw new AssertionError(what + ": allocated " + allocated + " bytes, more than " + budget + " ("
                    + ALLOCATION_CONSTANT + " + " + ALLOCATION_PER_BYTE + " per input byte)");
        }
        return result;
    }

    /**
     * Fails if a descriptor opened since {@code before} is still open.
     *
     * @param before the snapshot taken before the harness opened anything for the input
     * @param what describes the input
     * @throws AssertionError if descriptors leaked
     */
    public static void assertNoDescriptorGrowth(FdCount before, String what) {
        List<String> leaked = before.openedSince();
        if (!leaked.isEmpty()) {
            throw new AssertionError(what + ": " + leaked.size() + " descriptor(s) left open: " + leaked);
        }
    }

    /**
     * Describes an input for a failure message: its length and first bytes.
     *
     * @param input the input
     * @return the description
     */
    public static String describe(byte[] input) {
        int shown = Math.min(SHOWN_BYTES, input.length);
        return "input of " + input.length + " bytes [" + HexFormat.of().formatHex(input, 0, shown)
                + (shown < input.length ? "..." : "") + "]";
    }

    private static com.sun.management.ThreadMXBean allocationCounter() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!(threads instanceof com.sun.management.ThreadMXBean counter) || !counter.isThreadAllocatedMemorySupported()
                || !counter.isThreadAllocatedMemoryEnabled()) {
            throw new IllegalStateException("This JVM does not count allocated bytes per thread; the fuzz targets "
                    + "need com.sun.management.ThreadMXBean");
        }
        return counter;
    }
}
