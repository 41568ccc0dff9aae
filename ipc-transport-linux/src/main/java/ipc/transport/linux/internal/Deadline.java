package ipc.transport.linux.internal;

/**
 * A timeout in the SPI's convention (negative: forever, 0: poll once, positive: at most that many nanoseconds),
 * turned into the millisecond arguments of {@code poll(2)} and {@code epoll_wait(2)} for each wait of a loop that
 * may be woken early (EINTR, spurious readiness) and must then wait only for the time left.
 *
 * <h2>Thread safety</h2>
 * Immutable; thread-safe.
 */
final class Deadline {

    private static final long NANOS_PER_MILLI = 1_000_000L;
    /** The "wait forever" argument of poll and epoll_wait. */
    static final int FOREVER = -1;

    /** The deadline of every wait without limit: it never reads the clock, so one instance serves all. */
    private static final Deadline NEVER = new Deadline(-1, 0);

    private final long timeoutNanos;
    private final long start;

    private Deadline(long timeoutNanos, long start) {
        this.timeoutNanos = timeoutNanos;
        this.start = start;
    }

    /**
     * Starts counting now.
     *
     * @param timeoutNanos negative to wait without limit, 0 to poll, positive to wait at most that long
     * @return the deadline
     */
    static Deadline after(long timeoutNanos) {
        return timeoutNanos < 0 ? NEVER : new Deadline(timeoutNanos, System.nanoTime());
    }

    /** Whether this deadline never expires. */
    boolean isForever() {
        return timeoutNanos < 0;
    }

    /** Whether the time is up (never for a deadline that is forever; at once for a poll). */
    boolean expired() {
        return !isForever() && remainingNanos() <= 0;
    }

    /** Nanoseconds left, never negative; {@link Long#MAX_VALUE} for forever. */
    long remainingNanos() {
        if (isForever()) {
            return Long.MAX_VALUE;
        }
        // Subtracting from the elapsed time cannot overflow, whatever the timeout (even Long.MAX_VALUE).
        long left = timeoutNanos - (System.nanoTime() - start);
        return Math.max(0, left);
    }

    /**
     * The timeout argument for the next {@code poll}/{@code epoll_wait}: -1 for forever, 0 once the time is up,
     * otherwise the nanoseconds left rounded up to whole milliseconds (so a wait never ends before the deadline),
     * capped at {@link Integer#MAX_VALUE}.
     */
    int nextWaitMillis() {
        if (isForever()) {
            return FOREVER;
        }
        long left = remainingNanos();
        long millis = left / NANOS_PER_MILLI + (left % NANOS_PER_MILLI == 0 ? 0 : 1);
        return (int) Math.min(Integer.MAX_VALUE, millis);
    }
}
