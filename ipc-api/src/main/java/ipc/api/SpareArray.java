package ipc.api;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;

/**
 * One large array kept for reuse between messages, softly: the next large message is encoded or received into it
 * instead of into a fresh array (which the JVM must zero, and at these sizes collect as a humongous object), and the
 * garbage collector may still take it back when memory runs short. An array is either in the holder or lent to one
 * caller, never both, so concurrent callers never share one.
 *
 * <h2>Thread safety</h2>
 * Thread-safe.
 */
final class SpareArray {

    private static final VarHandle SPARE;

    static {
        try {
            SPARE = MethodHandles.lookup().findVarHandle(SpareArray.class, "spare", SoftReference.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through SPARE
    private volatile SoftReference<byte[]> spare;
    /** The array {@link #lend(int)} handed out last, the only one {@link #giveBack(byte[])} takes back. */
    private volatile WeakReference<byte[]> lent;

    /**
     * Takes the kept array if it holds at least {@code minLength} bytes; a smaller one is dropped (its successor,
     * the larger array the caller now allocates, is given back instead).
     *
     * @return the array, now the caller's, or null if none large enough is kept
     */
    byte[] take(int minLength) {
        @SuppressWarnings("unchecked") // SPARE holds the field above
        SoftReference<byte[]> kept = (SoftReference<byte[]>) SPARE.getAndSet(this, null);
        byte[] array = kept == null ? null : kept.get();
        return array != null && array.length >= minLength ? array : null;
    }

    /** Keeps {@code array}, which the caller no longer uses, for the next {@link #take(int)}. */
    void give(byte[] array) {
        spare = new SoftReference<>(array);
    }

    /**
     * The kept array if it holds at least {@code minLength} bytes, else a new one of exactly that length; for a
     * caller that hands it to code it does not control and gets back an array that may or may not be this one (see
     * {@link #giveBack(byte[])}).
     */
    byte[] lend(int minLength) {
        byte[] array = take(minLength);
        if (array == null) {
            array = new byte[minLength];
        }
        lent = new WeakReference<>(array);
        return array;
    }

    /**
     * Keeps {@code array} for the next {@link #lend(int)} if it is the one lent last; ignores any other (an array
     * this holder never lent may still be someone else's).
     */
    void giveBack(byte[] array) {
        WeakReference<byte[]> last = lent;
        if (last != null && last.get() == array) {
            lent = null;
            give(array);
        }
    }
}
