package ipc.transport.linux.ffi;

import java.nio.ByteBuffer;
import jnr.ffi.Pointer;
import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Pinned;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The few libc calls the Linux transport needs, bound with jnr-ffi. Structures ({@code msghdr}, {@code iovec},
 * {@code cmsghdr}, {@code epoll_event}, {@code sockaddr_un}) are laid out by {@code ipc.transport.linux.internal.Layouts} in native memory that
 * the caller allocates once and reuses.
 *
 * <p>This package is exported (unqualified) only because jnr-ffi generates the implementation of this interface in
 * an unnamed module, which must be able to see it. It is not API: nothing outside {@code ipc.transport.linux} may
 * depend on it.
 *
 * <p>Every call returns -1 and sets errno on failure; read errno with {@code Runtime.getLastError()} (see
 * {@code ipc.transport.linux.internal.Native#errno()}). jnr-ffi saves errno after each call unless the method is
 * annotated {@link IgnoreError}, which only the calls whose errno nothing reads are: a call then costs about 13 ns
 * instead of 18 (jnr-ffi 2.3.7 compiles each method of this interface to a direct x86-64 stub; measured on JDK 17,
 * with no allocation per call, and the same whether a pointer is passed as a {@link Pointer} or an address), and
 * the errno of an earlier failure survives a {@code close} on a cleanup path. Reading errno back costs about 15 ns,
 * paid only on failure. The per-message calls ({@code sendmsg}, {@code recvmsg}, {@code poll}) need errno to tell
 * EAGAIN and EINTR from failures.
 *
 * <h2>Thread safety</h2>
 * The binding is thread-safe, as libc is; errno is per thread.
 */
public interface LibC {

    int socketpair(int domain, int type, int protocol, @Out int[] fds);

    /** {@code socketpair(2)} writing the two descriptors into native memory (8 bytes): nothing to allocate per call. */
    int socketpair(int domain, int type, int protocol, Pointer fds);

    int socket(int domain, int type, int protocol);

    int bind(int fd, @In Pointer address, int addressLength);

    int listen(int fd, int backlog);

    int accept4(int fd, Pointer address, Pointer addressLength, int flags);

    int connect(int fd, @In Pointer address, int addressLength);

    @ssize_t long sendmsg(int fd, @In Pointer message, int flags);

    @ssize_t long recvmsg(int fd, Pointer message, int flags);

    int shutdown(int fd, int how);

    @IgnoreError
    int close(int fd);

    int dup(int fd);

    int fcntl(int fd, int command, int argument);

    int getsockopt(int fd, int level, int option, Pointer value, Pointer valueLength);

    int setsockopt(int fd, int level, int option, @In Pointer value, int valueLength);

    int memfd_create(String name, int flags);

    /** {@code memfd_create(2)} with the name as a NUL-terminated string in native memory (no conversion per call). */
    int memfd_create(@In Pointer name, int flags);

    int ftruncate(int fd, long length);

    long lseek(int fd, long offset, int whence);

    /**
     * {@code fstat(2)} into native memory ({@code struct stat}: {@code Layouts.STAT_SIZE} bytes). An exported symbol
     * since glibc 2.33; musl has always exported it.
     */
    int fstat(int fd, Pointer stat);

    /**
     * {@code mmap} with the address as a pointer (pass {@code null}); returns the address, or MAP_FAILED (-1). The
     * address is deliberately not a {@code long}: that form fails with EINVAL without reaching the kernel when
     * jnr-ffi generates its invoker with ASM (the default), measured with jffi 1.4.3 on JDK 17 and 25.
     */
    long mmap(Pointer address, @size_t long length, int protection, int flags, int fd, long offset);

    int munmap(long address, @size_t long length);

    int epoll_create1(int flags);

    int epoll_ctl(int epollFd, int operation, int fd, @In Pointer event);

    int epoll_wait(int epollFd, Pointer events, int maxEvents, int timeoutMillis);

    int poll(Pointer fds, long count, int timeoutMillis);

    int eventfd(int initialValue, int flags);

    @ssize_t long read(int fd, Pointer buffer, @size_t long count);

    @ssize_t long write(int fd, @In Pointer buffer, @size_t long count);

    /**
     * {@code write(2)} straight from a heap buffer, from its position: the array is pinned for the call instead of
     * copied to native memory first (keep {@code count} moderate: a pinned array can hold off garbage collection).
     */
    @ssize_t long write(int fd, @Pinned @In ByteBuffer buffer, @size_t long count);

    /**
     * {@code send(2)} of {@code length} bytes straight from a buffer, from its position: a heap buffer's array is
     * pinned for the call instead of copied to native memory first (keep {@code length} moderate).
     */
    @ssize_t long send(int fd, @Pinned @In ByteBuffer buffer, @size_t long length, int flags);

    /**
     * {@code recv(2)} of up to {@code length} bytes straight into a buffer, from its position: a heap buffer's array
     * is pinned for the call. Descriptors attached to the datagram are discarded by the kernel.
     */
    @ssize_t long recv(int fd, @Pinned @Out ByteBuffer buffer, @size_t long length, int flags);

    /** {@code recv(2)} into native memory. */
    @ssize_t long recv(int fd, Pointer buffer, @size_t long length, int flags);

    /**
     * {@code futex(2)} through {@code syscall(2)} (libc has no wrapper): {@code FUTEX_WAIT} with a relative timeout
     * ({@code struct timespec}) or {@code FUTEX_WAKE} (pass a null timeout), on a word of shared memory.
     */
    long syscall(long number, Pointer word, int operation, int value, Pointer timeout);

    @IgnoreError
    String strerror(int errno);

    /** The real user id of this process (one-shot servers accept only peers with the same uid). */
    @IgnoreError
    int getuid();

    /** The effective user id of this process: what {@code SO_PEERCRED} reports to the peers it connects to. */
    @IgnoreError
    int geteuid();

    /** Reads a resource limit into {@code limit} ({@code struct rlimit}: soft, then hard, 8 bytes each). */
    int getrlimit(int resource, Pointer limit);

    /** Creates a pipe; {@code fds[0]} reads, {@code fds[1]} writes. */
    int pipe2(@Out int[] fds, int flags);
}
