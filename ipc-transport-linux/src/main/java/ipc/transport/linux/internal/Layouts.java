package ipc.transport.linux.internal;

/**
 * Byte offsets and sizes of the C structures the transport builds in native memory, for 64-bit Linux (x86_64 and
 * aarch64, glibc or musl). On Linux {@code msg_iovlen}, {@code msg_controllen} and {@code cmsg_len} are
 * {@code size_t} (on macOS they are 32-bit: a macOS layout would be a separate class).
 */
public final class Layouts {

    private Layouts() {}

    /** Whether this JVM runs on x86_64, where {@code struct epoll_event} is packed. */
    public static final boolean X86_64 = System.getProperty("os.arch", "").matches("amd64|x86_64");

    // struct msghdr
    public static final int MSGHDR_SIZE = 56;
    public static final int MSGHDR_NAME = 0;
    public static final int MSGHDR_NAMELEN = 8;
    public static final int MSGHDR_IOV = 16;
    public static final int MSGHDR_IOVLEN = 24;
    public static final int MSGHDR_CONTROL = 32;
    public static final int MSGHDR_CONTROLLEN = 40;
    public static final int MSGHDR_FLAGS = 48;

    // struct iovec
    public static final int IOVEC_SIZE = 16;
    public static final int IOVEC_BASE = 0;
    public static final int IOVEC_LEN = 8;

    // struct cmsghdr, followed by its data at CMSG_DATA
    public static final int CMSGHDR_LEN = 0;
    public static final int CMSGHDR_LEVEL = 8;
    public static final int CMSGHDR_TYPE = 12;
    public static final int CMSG_DATA = 16;
    private static final int CMSG_ALIGNMENT = 8;

    /** {@code CMSG_LEN(n)}: the {@code cmsg_len} of a control message with {@code n} data bytes. */
    public static int cmsgLen(int dataBytes) {
        return CMSG_DATA + dataBytes;
    }

    /** {@code CMSG_SPACE(n)}: the buffer space one control message with {@code n} data bytes takes. */
    public static int cmsgSpace(int dataBytes) {
        return CMSG_DATA + align(dataBytes);
    }

    private static int align(int length) {
        return (length + CMSG_ALIGNMENT - 1) & -CMSG_ALIGNMENT;
    }

    // struct epoll_event: uint32_t events; epoll_data_t data (packed on x86_64)
    public static final int EPOLL_EVENT_SIZE = X86_64 ? 12 : 16;
    public static final int EPOLL_EVENT_EVENTS = 0;
    public static final int EPOLL_EVENT_DATA = X86_64 ? 4 : 8;

    // struct pollfd
    public static final int POLLFD_SIZE = 8;
    public static final int POLLFD_FD = 0;
    public static final int POLLFD_EVENTS = 4;
    public static final int POLLFD_REVENTS = 6;

    // struct sockaddr_un
    public static final int SOCKADDR_UN_SIZE = 110;
    public static final int SOCKADDR_UN_FAMILY = 0;
    public static final int SOCKADDR_UN_PATH = 2;
    /** Room for the path including its terminating NUL. */
    public static final int SOCKADDR_UN_PATH_MAX = 108;

    // struct ucred
    public static final int UCRED_SIZE = 12;
    public static final int UCRED_PID = 0;
    public static final int UCRED_UID = 4;
    public static final int UCRED_GID = 8;

    // struct stat: the same offsets for the fields read here on x86_64 and on aarch64 (the generic layout)
    /** Room for a {@code struct stat} (144 bytes on x86_64, 128 on aarch64). */
    public static final int STAT_SIZE = 144;
    public static final int STAT_DEV = 0;
    public static final int STAT_INO = 8;
    public static final int STAT_SIZE_FIELD = 48;

    // struct timeval (SO_RCVTIMEO)
    public static final int TIMEVAL_SIZE = 16;
    public static final int TIMEVAL_SEC = 0;
    public static final int TIMEVAL_USEC = 8;
}
