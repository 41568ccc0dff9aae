package ipc.transport.linux.internal;

import ipc.api.IpcDescriptorLimitException;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcException;
import ipc.api.spi.ReceivedMessage;
import ipc.api.spi.ReceiverEndpoint;
import ipc.api.spi.ReceiverSetEndpoint;
import ipc.api.spi.SelectionEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * Readiness over many receivers with one {@code epoll} instance (level-triggered). Each member's socket is
 * registered with a private token; an {@code eventfd} registered next to them lets {@link #close()} wake a blocked
 * {@link #select}. For each ready member, {@code select} takes at most one message with a non-blocking receive, so
 * a busy receiver cannot starve the others; a receiver whose senders are all gone is reported
 * {@link SelectionEvent.Closed} once, removed from the epoll set ({@code EPOLL_CTL_DEL}) and closed. A malformed
 * datagram on one member (the receiver closes its descriptors and throws) is logged and dropped; the set goes on.
 *
 * <p>A member whose own socket refuses the receive ({@code recvmsg} fails with an error that will not go away: an
 * unconnected or listening {@code SOCK_SEQPACKET} socket that a peer sent as a receiver fails with {@code ENOTCONN}
 * while epoll reports it ready for good) is handled as a member whose senders are all gone: one warning, reported
 * {@link SelectionEvent.Closed}, removed and closed, so it cannot keep {@code select} spinning. A shortage of kernel
 * memory ({@code ENOMEM}, {@code ENOBUFS}) leaves the member in the set, as "nothing queued" ({@code EAGAIN}) and
 * {@code EINTR} do. {@link #add} refuses what cannot be such a member at all: a descriptor that is not an
 * {@code AF_UNIX SOCK_SEQPACKET} socket (see {@link Descriptors#checkChannelSocket}).
 *
 * <p>While a receiver is a member, the set holds a use of its descriptor ({@link FdHandle#tryAcquire()}), so even
 * if someone closes the receiver behind the set's back its descriptor number stays valid until the set has removed
 * it from epoll; such a receiver is then reported closed at its next readiness.
 *
 * <p>Native memory: one array of {@value #MAX_EVENTS} {@code epoll_event}s and one for {@code epoll_ctl}, both
 * allocated with the set. More than {@value #MAX_EVENTS} ready members are served over successive selects (the
 * kernel rotates its ready list, so none starves).
 *
 * <h2>Thread safety</h2>
 * {@link #add} and {@link #select} must not run concurrently with each other; {@link #close()} may be called from
 * any thread at any time and wakes a blocked {@code select}, which then throws {@link IllegalStateException}.
 */
public final class EpollReceiverSet implements ReceiverSetEndpoint {

    /** The most ready descriptors one {@code epoll_wait} returns. */
    static final int MAX_EVENTS = 256;
    private static final System.Logger LOG = System.getLogger(EpollReceiverSet.class.getName());
    /** The epoll token of the wake-up eventfd; members get tokens from 1 up. */
    private static final long WAKE_TOKEN = 0;
    /** EPOLLHUP and EPOLLERR are always reported; an end-of-file also makes the socket readable. */
    private static final int MEMBER_EVENTS = Linux.EPOLLIN;

    private record Member(long id, LinuxReceiver receiver) {}

    private final int epollFd;
    private final WakeupFd wakeup;
    private final Pointer events;
    private final Pointer control;
    private final CloseGuard guard;
    /** By token. Touched by the add/select thread, and by {@link #destroy()} once no call is in flight. */
    private final Map<Long, Member> members = new HashMap<>();
    private final Map<Long, Long> tokensById = new HashMap<>();
    private long nextToken = WAKE_TOKEN + 1;
    /** Wake-ups of {@code epoll_wait} with members ready that yielded no event; for tests (add/select thread). */
    private long idleWakeups;

    /**
     * Creates an empty set.
     *
     * @throws IpcException if the OS refuses (out of descriptors, say)
     */
    public EpollReceiverSet() throws IpcException {
        int fd = Native.libc().epoll_create1(Linux.EPOLL_CLOEXEC);
        if (fd < 0) {
            throw Native.lastError("epoll_create1");
        }
        WakeupFd wake;
        try {
            wake = WakeupFd.open();
        } catch (IpcException e) {
            Native.libc().close(fd);
            throw e;
        }
        this.epollFd = fd;
        this.wakeup = wake;
        this.events = Memory.allocateDirect(Native.runtime(), MAX_EVENTS * Layouts.EPOLL_EVENT_SIZE);
        this.control = Memory.allocateDirect(Native.runtime(), Layouts.EPOLL_EVENT_SIZE);
        this.guard = new CloseGuard(wakeup::signal, this::destroy);
        try {
            register(wakeup.fd(), WAKE_TOKEN);
        } catch (IpcException e) {
            close();
            throw e;
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IpcException also if the receiver's descriptor is not an {@code AF_UNIX SOCK_SEQPACKET} socket (a
     *     peer sent something else as a receiver); the receiver is not added and stays open
     * @throws IllegalArgumentException also if {@code id} is already in the set
     * @throws IllegalStateException if the set is closed
     */
    @Override
    public void add(long id, ReceiverEndpoint receiver) throws IpcException {
        if (!(receiver instanceof LinuxReceiver linux)) {
            throw new IllegalArgumentException("Cannot add a receiver of another transport to a Linux receiver set: "
                    + (receiver == null ? "null" : receiver.getClass().getName()));
        }
        if (!guard.tryAcquire()) {
            throw closedSet();
        }
        try {
            if (tokensById.containsKey(id)) {
                throw new IllegalArgumentException("Duplicate receiver id " + id);
            }
            // Held while the receiver is a member, so its descriptor number stays valid until EPOLL_CTL_DEL.
            if (!linux.tryAcquire()) {
                throw new IllegalArgumentException("Cannot add a closed receiver");
            }
            long token = nextToken++;
            try {
                // A channel end that arrived in a message was not checked then (see InboundMessage): a descriptor
                // that is no socket, or a socket of another family, could be ready forever without recvmsg ever
                // draining it or failing. The event array is free as scratch: add and select never run at the same
                // time.
                Descriptors.checkChannelSocket(linux.fd(), events, "a receiver added to a set");
                register(linux.fd(), token);
            } catch (IpcException | RuntimeException e) {
                linux.release();
                throw e;
            }
            members.put(token, new Member(id, linux));
            tokensById.put(id, token);
        } finally {
            guard.release();
        }
    }

    private void register(int fd, long token) throws IpcException {
        control.putInt(Layouts.EPOLL_EVENT_EVENTS, MEMBER_EVENTS);
        control.putLong(Layouts.EPOLL_EVENT_DATA, token);
        if (Native.libc().epoll_ctl(epollFd, Linux.EPOLL_CTL_ADD, fd, control) < 0) {
            throw Native.lastError("epoll_ctl(EPOLL_CTL_ADD)");
        }
    }

    @Override
    public List<SelectionEvent> select(long timeoutNanos) throws IpcException {
        if (!guard.tryAcquire()) {
            throw closedSet();
        }
        try {
            Deadline deadline = Deadline.after(timeoutNanos);
            while (true) {
                int ready = Native.libc().epoll_wait(epollFd, events, MAX_EVENTS, deadline.nextWaitMillis());
                if (ready < 0) {
                    int errno = Native.errno();
                    if (errno != Errors.EINTR) {
                        throw Native.error("epoll_wait", errno);
                    }
                } else {
                    if (!guard.isOpen()) {
                        throw closedSet();
                    }
                    List<SelectionEvent> found = collect(ready);
                    if (!found.isEmpty()) {
                        return found;
                    }
                    if (ready > 0) {
                        idleWakeups++;
                    }
                }
                // Interrupted, or readiness that yielded nothing (spurious, or a dropped malformed datagram).
                if (deadline.expired()) {
                    return List.of();
                }
            }
        } finally {
            guard.release();
        }
    }

    /**
     * Receives one message from each ready member.
     *
     * @throws IpcDescriptorLimitException if no member yielded an event and at least one had a message whose
     *     descriptors do not fit (still queued); with other events found, those are returned and the member is
     *     tried again by the next select (it stays ready)
     */
    private List<SelectionEvent> collect(int ready) throws IpcDescriptorLimitException {
        List<SelectionEvent> found = new ArrayList<>(ready);
        IpcDescriptorLimitException noRoom = null;
        try {
            for (int i = 0; i < ready; i++) {
                long token = events.getLong((long) i * Layouts.EPOLL_EVENT_SIZE + Layouts.EPOLL_EVENT_DATA);
                Member member = token == WAKE_TOKEN ? null : members.get(token);
                if (member != null) {
                    try {
                        SelectionEvent event = receiveOne(token, member);
                        if (event != null) {
                            found.add(event);
                        }
                    } catch (IpcDescriptorLimitException e) {
                        noRoom = e;
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            for (SelectionEvent event : found) {
                if (event instanceof SelectionEvent.Message message) {
                    message.message().closeHandles();
                    message.message().release();
                }
            }
            throw e;
        }
        if (found.isEmpty() && noRoom != null) {
            throw noRoom;
        }
        return found;
    }

    /**
     * At most one message from a ready member; null if it had none after all or sent garbage;
     * {@link SelectionEvent.Closed} (the member removed) if its senders are gone or its socket refuses every receive.
     *
     * @throws IpcDescriptorLimitException if the member's next message does not fit in the descriptor table (it
     *     stays queued)
     */
    private SelectionEvent receiveOne(long token, Member member) throws IpcDescriptorLimitException {
        try {
            ReceivedMessage message = member.receiver().receiveToHold(0);
            return message == null ? null : new SelectionEvent.Message(member.id(), message);
        } catch (IpcDisconnectedException e) {
            remove(token, member);
            return new SelectionEvent.Closed(member.id());
        } catch (IpcDescriptorLimitException e) {
            if (!e.messageDropped()) {
                throw e; // still queued: the caller must free descriptors, not spin on a ready receiver
            }
            LOG.log(System.Logger.Level.WARNING, "Receiver " + member.id() + " of a receiver set: " + e.getMessage());
            return null;
        } catch (SocketReceiveException e) {
            if (e.socket() != member.receiver().fd() || !e.lasting()) {
                // A socket that came in the message, or a passing shortage: this member's socket is fine.
                return dropped(member, e);
            }
            // The member's own socket refuses every receive and stays ready (level-triggered): it would keep
            // select spinning. It is no channel end; report it closed, as one whose senders are gone.
            LOG.log(System.Logger.Level.WARNING, "Receiver " + member.id() + " of a receiver set is no usable "
                    + "channel end and is removed as closed: " + e.getMessage());
            remove(token, member);
            return new SelectionEvent.Closed(member.id());
        } catch (IpcException e) {
            return dropped(member, e);
        }
    }

    /** Logs a receive that failed and left the member usable; returns null (no event). */
    private static SelectionEvent dropped(Member member, IpcException e) {
        // One line per bad datagram (a hostile peer must not flood the log with stack traces).
        LOG.log(System.Logger.Level.WARNING, "Receiver " + member.id() + " of a receiver set dropped a message: "
                + e.getMessage());
        LOG.log(System.Logger.Level.DEBUG, "Dropped message on receiver " + member.id(), e);
        return null;
    }

    private void remove(long token, Member member) {
        members.remove(token);
        tokensById.remove(member.id());
        LinuxReceiver receiver = member.receiver();
        // Still valid: the set holds a use of the descriptor. A failure here (the fd is gone from epoll) is moot.
        Native.libc().epoll_ctl(epollFd, Linux.EPOLL_CTL_DEL, receiver.fd(), control);
        receiver.close();
        receiver.release();
    }

    /** The number of receivers in the set; for tests and diagnostics (call from the add/select thread). */
    int size() {
        return members.size();
    }

    /**
     * How many times {@code epoll_wait} reported members ready and none of them yielded an event (a dropped
     * datagram, or readiness another reader took); for tests (call from the add/select thread).
     */
    long idleWakeups() {
        return idleWakeups;
    }

    /** Whether an add or select is in flight; for tests. */
    boolean busy() {
        return guard.inUse();
    }

    @Override
    public void close() {
        guard.close();
    }

    /** Runs once, after close and after the last add/select in flight. */
    private void destroy() {
        Native.libc().close(epollFd);
        wakeup.close();
        for (Member member : members.values()) {
            member.receiver().close();
            member.receiver().release();
        }
        members.clear();
        tokensById.clear();
    }

    private static IllegalStateException closedSet() {
        return new IllegalStateException("The receiver set is closed");
    }
}
