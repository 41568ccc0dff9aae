package ipc.serde.protobuf.internal;

/**
 * An array a thread keeps from one message to the next, grown as needed up to a bound: what {@link Parsing} copies a
 * payload outside the heap into, and what {@link ValueBytesOutput} writes a small message into.
 *
 * <h2>Thread safety</h2>
 * Thread-confined: each thread has its own array.
 */
final class KeptArray {

    private final int max;
    private final ThreadLocal<byte[]> arrays = ThreadLocal.withInitial(() -> new byte[0]);

    /** Keeps per thread an array of at most {@code max} bytes; callers ask for no more. */
    KeptArray(int max) {
        this.max = max;
    }

    /** This thread's array, at least {@code size} (at most the bound) bytes long: grown, at most doubling. */
    byte[] atLeast(int size) {
        byte[] kept = arrays.get();
        if (kept.length < size) {
            kept = new byte[Math.max(size, Math.min(max, kept.length * 2))];
            arrays.set(kept);
        }
        return kept;
    }
}
