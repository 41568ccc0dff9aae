package ipc.transport.linux.internal;

import jnr.constants.platform.Errno;

/** The errno values the transport reacts to, from jnr-constants (Linux values as fallback). */
public final class Errors {

    private Errors() {}

    public static final int EINTR = value(Errno.EINTR, 4);
    public static final int EAGAIN = value(Errno.EAGAIN, 11);
    public static final int EPIPE = value(Errno.EPIPE, 32);
    public static final int ECONNRESET = value(Errno.ECONNRESET, 104);
    public static final int ECONNREFUSED = value(Errno.ECONNREFUSED, 111);
    public static final int ENOENT = value(Errno.ENOENT, 2);
    public static final int EMSGSIZE = value(Errno.EMSGSIZE, 90);
    public static final int EMFILE = value(Errno.EMFILE, 24);
    public static final int ENFILE = value(Errno.ENFILE, 23);
    public static final int ENOBUFS = value(Errno.ENOBUFS, 105);
    public static final int EBADF = value(Errno.EBADF, 9);
    public static final int EINVAL = value(Errno.EINVAL, 22);

    private static int value(Errno errno, int linuxValue) {
        return errno.defined() ? errno.intValue() : linuxValue;
    }

    // Added for channels.
    public static final int ENOTSOCK = value(Errno.ENOTSOCK, 88);
    public static final int ETOOMANYREFS = value(Errno.ETOOMANYREFS, 109);

    // Added for one-shot servers.
    public static final int ECONNABORTED = value(Errno.ECONNABORTED, 103);
    public static final int EISCONN = value(Errno.EISCONN, 106);

    // Added for receiver sets (which receive failures last).
    public static final int ENOMEM = value(Errno.ENOMEM, 12);
    public static final int ENOTCONN = value(Errno.ENOTCONN, 107);
}
