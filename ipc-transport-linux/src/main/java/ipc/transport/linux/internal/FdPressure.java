package ipc.transport.linux.internal;

import ipc.api.IpcDescriptorLimitException;
import java.io.File;
import java.util.concurrent.TimeUnit;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * Whether this process is near its open-file limit ({@code RLIMIT_NOFILE}), so that receives must check that a
 * message's descriptors fit before they take it off the queue.
 *
 * <h2>Why</h2>
 * When {@code recvmsg} cannot install the descriptors of a datagram (the table is full), the kernel still delivers
 * the datagram, drops the descriptors it could not install and sets {@code MSG_CTRUNC}: the message is lost. A
 * {@code MSG_PEEK} first would install copies without dequeuing, so a message that does not fit can stay queued;
 * but a peek costs a second system call on every receive (measured about 0.65 us on a 1.5 us send+receive). So
 * receives peek only while this class says the process is under pressure.
 *
 * <h2>When the process is under pressure</h2>
 * It becomes so when any call of this library fails with {@code EMFILE}/{@code ENFILE}, when the kernel truncates
 * the descriptors of a received message, or when a descriptor this library obtains (a new channel, memfd, received
 * handle) has a number within {@link #headroom()} of the soft limit: the kernel hands out the lowest free number,
 * so a high number means the table below it is full. It stops being so when a count of the open descriptors finds
 * more than {@link #headroom()} free (counted at most every {@link #RECHECK_NANOS} while under pressure).
 * An application that fills its descriptor table outside this library between two receives is not noticed in
 * advance: the next message with handles may then be dropped by the kernel, which is reported, never delivered
 * half-empty.
 *
 * <h2>Thread safety</h2>
 * Thread-safe; the state is a few volatile fields, and a stale read only costs an extra peek or misses a warning.
 */
final class FdPressure {

    /** How often, at most, a receive under pressure counts the open descriptors to see if it may stop peeking. */
    static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final int RLIMIT_BYTES = 16;
    private static final int HARD_LIMIT_OFFSET = 8;
    private static final int MIN_HEADROOM = 16;
    private static final int MAX_HEADROOM = 512;

    private static volatile long softLimit = -1;
    private static volatile long hardLimit = -1;
    private static volatile boolean underPressure;
    private static volatile long lastCheck;

    private FdPressure() {}

    /** Whether a receive should check with a peek that the next message's descriptors fit. */
    static boolean active() {
        return underPressure;
    }

    /** Notes a descriptor number this library just obtained from the kernel. */
    static void observe(int fd) {
        if (fd >= threshold()) {
            underPressure = true;
        }
    }

    /** Notes the highest of several descriptor numbers just obtained from the kernel. */
    static void observe(int[] fds) {
        int max = -1;
        for (int fd : fds) {
            max = Math.max(max, fd);
        }
        if (max >= 0) {
            observe(max);
        }
    }

    /**
     * Called by a receive under pressure after it got a message: counts the open descriptors (rate-limited) and
     * ends the pressure if enough are free.
     */
    static void recheck() {
        long now = System.nanoTime();
        if (!underPressure || now - lastCheck < RECHECK_NANOS) {
            return;
        }
        lastCheck = now;
        String[] open = new File("/proc/self/fd").list();
        readLimits();
        if (open != null && open.length < threshold()) {
            underPressure = false;
        }
    }

    /**
     * The exception for a call that failed with {@code EMFILE} or {@code ENFILE}; marks the process as under
     * pressure.
     *
     * @param call what failed, such as {@code "socketpair"}
     * @param errno the error number
     * @return the exception, to throw
     */
    static IpcDescriptorLimitException exhausted(String call, int errno) {
        underPressure = true;
        readLimits();
        String who = errno == Errors.ENFILE ? "the system reached its limit of open files (fs.file-max)"
                : "this process reached its limit of open files";
        return new IpcDescriptorLimitException(call + "(..) failed with error(" + errno + "): "
                + Native.describe(errno) + ": " + who + " " + describeLimit()
                + "; close handles that are no longer needed, or raise the limit (ulimit -n)", false);
    }

    /**
     * The exception for a received message whose descriptors the kernel dropped ({@code MSG_CTRUNC}); marks the
     * process as under pressure.
     *
     * @param arrived how many descriptors did arrive (already closed by the caller)
     * @return the exception, to throw
     */
    static IpcDescriptorLimitException dropped(int arrived) {
        underPressure = true;
        readLimits();
        return new IpcDescriptorLimitException("A received message was dropped: the kernel could not install its "
                + "descriptors (" + arrived + " arrived, the rest were discarded), because this process is at its "
                + "limit of open files " + describeLimit() + "; the " + arrived + " that arrived were closed. Close "
                + "handles that are no longer needed, or raise the limit (ulimit -n)", true);
    }

    /**
     * The exception for a message left queued because its descriptors would not fit.
     *
     * @return the exception, to throw
     */
    static IpcDescriptorLimitException wouldNotFit() {
        return new IpcDescriptorLimitException("The next message carries more descriptors than this process can "
                + "open now " + describeLimit() + "; it stays queued and the next receive returns it once "
                + "descriptors are freed. Close handles that are no longer needed, or raise the limit (ulimit -n)",
                false);
    }

    /** The number of free descriptors below which receives peek first. */
    static long headroom() {
        long soft = soft();
        return Math.max(MIN_HEADROOM, Math.min(MAX_HEADROOM, soft / 4));
    }

    private static long threshold() {
        return soft() - headroom();
    }

    private static long soft() {
        long soft = softLimit;
        if (soft < 0) {
            readLimits();
            soft = softLimit;
        }
        return soft;
    }

    private static String describeLimit() {
        return "(RLIMIT_NOFILE soft limit " + softLimit + ", hard limit " + hardLimit + ")";
    }

    /** Reads the limits again: the application may have changed them with setrlimit. */
    private static synchronized void readLimits() {
        Pointer limit = Memory.allocateDirect(Native.runtime(), RLIMIT_BYTES);
        if (Native.libc().getrlimit(Linux.RLIMIT_NOFILE, limit) == 0) {
            hardLimit = limit.getLong(HARD_LIMIT_OFFSET);
            softLimit = limit.getLong(0);
        } else if (softLimit < 0) {
            softLimit = Integer.MAX_VALUE;
            hardLimit = Integer.MAX_VALUE;
        }
    }
}
