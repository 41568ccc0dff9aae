package ipc.transport.linux.internal;

import jnr.constants.platform.AddressFamily;
import jnr.constants.platform.Shutdown;
import jnr.constants.platform.Sock;
import jnr.constants.platform.SocketLevel;
import jnr.constants.platform.SocketMessage;
import jnr.constants.platform.SocketOption;

/**
 * Named Linux constants. Those jnr-constants knows come from it; the rest (memfd, seals, epoll, eventfd, mmap) are
 * the Linux UAPI values, named here once.
 */
public final class Linux {

    private Linux() {}

    public static final int AF_UNIX = AddressFamily.AF_UNIX.intValue();
    public static final int SOCK_STREAM = Sock.SOCK_STREAM.intValue();
    public static final int SOCK_SEQPACKET = Sock.SOCK_SEQPACKET.intValue();
    /** Not always defined by jnr-constants; the Linux value is {@code O_CLOEXEC} (02000000). */
    public static final int SOCK_CLOEXEC = Sock.SOCK_CLOEXEC.defined() ? Sock.SOCK_CLOEXEC.intValue() : 0x80000;
    public static final int SOCK_NONBLOCK = Sock.SOCK_NONBLOCK.defined() ? Sock.SOCK_NONBLOCK.intValue() : 0x800;

    public static final int SOL_SOCKET = SocketLevel.SOL_SOCKET.intValue();
    public static final int SO_TYPE = SocketOption.SO_TYPE.intValue();
    /** {@code SO_DOMAIN}: a socket's address family (not in jnr-constants). */
    public static final int SO_DOMAIN = 39;
    public static final int SO_SNDBUF = SocketOption.SO_SNDBUF.intValue();
    public static final int SO_RCVBUF = SocketOption.SO_RCVBUF.intValue();
    public static final int SO_RCVTIMEO = SocketOption.SO_RCVTIMEO.intValue();
    /** {@code SO_PEERCRED}: the peer's pid, uid and gid ({@code struct ucred}). */
    public static final int SO_PEERCRED = 17;
    /** {@code SCM_RIGHTS}: a control message that carries file descriptors. */
    public static final int SCM_RIGHTS = 1;

    public static final int MSG_NOSIGNAL = SocketMessage.MSG_NOSIGNAL.defined()
            ? SocketMessage.MSG_NOSIGNAL.intValue() : 0x4000;
    public static final int MSG_DONTWAIT = SocketMessage.MSG_DONTWAIT.intValue();
    public static final int MSG_TRUNC = SocketMessage.MSG_TRUNC.intValue();
    public static final int MSG_CTRUNC = SocketMessage.MSG_CTRUNC.intValue();
    public static final int MSG_PEEK = SocketMessage.MSG_PEEK.intValue();
    /** {@code RLIMIT_NOFILE}: the most descriptors a process may hold open. */
    public static final int RLIMIT_NOFILE = jnr.constants.platform.RLIMIT.RLIMIT_NOFILE.intValue();
    /** {@code MSG_CMSG_CLOEXEC}: received descriptors are close-on-exec. */
    public static final int MSG_CMSG_CLOEXEC = 0x40000000;

    public static final int SHUT_RD = Shutdown.SHUT_RD.intValue();
    public static final int SHUT_WR = Shutdown.SHUT_WR.intValue();
    public static final int SHUT_RDWR = Shutdown.SHUT_RDWR.intValue();

    /** The most descriptors the kernel accepts in one SCM_RIGHTS message ({@code SCM_MAX_FD}). */
    public static final int SCM_MAX_FD = 253;
    /** The payload of one SOCK_SEQPACKET datagram that fits the default SO_SNDBUF (measured: 212,960). */
    public static final int MAX_DATAGRAM = 212_952;

    public static final int MFD_CLOEXEC = 0x1;
    public static final int MFD_ALLOW_SEALING = 0x2;
    public static final int F_ADD_SEALS = 1033;
    public static final int F_GET_SEALS = 1034;
    public static final int F_SEAL_SEAL = 0x1;
    public static final int F_SEAL_SHRINK = 0x2;
    public static final int F_SEAL_GROW = 0x4;
    public static final int F_SEAL_WRITE = 0x8;
    public static final int F_SEAL_FUTURE_WRITE = 0x10;

    /** {@code SYS_futex}: 202 on x86_64, 98 on aarch64 (the generic table). */
    public static final long SYS_FUTEX = Layouts.X86_64 ? 202 : 98;
    /** Shared (not {@code _PRIVATE}) futex operations: the word may be mapped by several processes. */
    public static final int FUTEX_WAIT = 0;
    public static final int FUTEX_WAKE = 1;
    public static final int F_GETFD = 1;
    public static final int F_GETFL = 3;
    public static final int F_SETFL = 4;
    public static final int O_NONBLOCK = 0x800;
    public static final int SEEK_END = 2;

    public static final int PROT_READ = 0x1;
    public static final int PROT_WRITE = 0x2;
    public static final int MAP_SHARED = 0x1;
    public static final long MAP_FAILED = -1L;

    public static final int EPOLL_CLOEXEC = 0x80000;
    public static final int EPOLL_CTL_ADD = 1;
    public static final int EPOLL_CTL_DEL = 2;
    public static final int EPOLL_CTL_MOD = 3;
    public static final int EPOLLIN = 0x001;
    public static final int EPOLLERR = 0x008;
    public static final int EPOLLHUP = 0x010;
    public static final int EPOLLRDHUP = 0x2000;

    public static final int EFD_CLOEXEC = 0x80000;
    public static final int EFD_NONBLOCK = 0x800;

    public static final short POLLIN = 0x001;
    public static final short POLLERR = 0x008;
    public static final short POLLHUP = 0x010;
    public static final short POLLNVAL = 0x020;

    // Added for channels.
    /** {@code F_DUPFD_CLOEXEC}: duplicate a descriptor with close-on-exec set, atomically. */
    public static final int F_DUPFD_CLOEXEC = 1030;
    /** {@code MAP_POPULATE}: fault the whole mapping in at {@code mmap} time. */
    public static final int MAP_POPULATE = 0x8000;
    /** {@code POLLRDHUP}: the peer closed (or shut down writing); reading will find end-of-file. */
    public static final short POLLRDHUP = 0x2000;
    /** {@code POLLOUT}: writing will not block. */
    public static final short POLLOUT = 0x004;
    /** {@code O_CLOEXEC}, for {@code pipe2} and the like. */
    public static final int O_CLOEXEC = 0x80000;
}
