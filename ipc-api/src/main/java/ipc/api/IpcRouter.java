package ipc.api;

import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A thread that receives from many channels and hands each message to a callback: Rust's {@code router::ROUTER}.
 *
 * <p>{@link #global()} is the JVM-wide router, started on first use; {@link #create()} starts a private one. Each
 * route runs its callbacks on the router's one thread, in the order its messages arrive; a callback that throws is
 * logged (through {@link System.Logger} {@code ipc.api.IpcRouter}) and the route goes on. When every sender of a
 * routed receiver is gone, the route's {@code onDisconnected} runs once and the route is removed.
 *
 * <p>The router takes ownership of routed receivers and closes them when their route ends or the router shuts
 * down.
 *
 * <h2>Thread safety</h2>
 * Thread-safe: routes can be added from any thread, including from a callback.
 */
public final class IpcRouter implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(IpcRouter.class.getName());
    private static final long SHUTDOWN_WAIT_SECONDS = 30;
    private static final Object GLOBAL_LOCK = new Object();
    private static IpcRouter global;

    private final IpcReceiverSet set;
    private final IpcBytesSender wakeSender;
    private final long wakeId;
    private final Queue<Route> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final Map<Long, Route> routes = new HashMap<>();
    private final Thread thread;

    private record Route(OpaqueIpcReceiver receiver, Consumer<OpaqueIpcMessage> onMessage, Runnable onDisconnected) {}

    private IpcRouter(String threadName) throws IpcException {
        IpcBytesChannel wake = Ipc.bytesChannel();
        IpcReceiverSet created = null;
        try {
            created = IpcReceiverSet.create();
            this.wakeId = created.add(wake.receiver());
        } catch (IpcException | RuntimeException e) {
            wake.close();
            if (created != null) {
                created.close();
            }
            throw e;
        }
        this.set = created;
        this.wakeSender = wake.sender();
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * The JVM-wide router, started on first use. After {@link #shutdown()} of the global router, this starts a new
     * one.
     *
     * @return the global router
     * @throws UncheckedIOException wrapping an {@link IpcException} if no transport is available
     */
    public static IpcRouter global() {
        synchronized (GLOBAL_LOCK) {
            if (global == null || global.shuttingDown.get()) {
                global = start("ipc-router");
            }
            return global;
        }
    }

    /**
     * Starts a private router with its own thread; shut it down when done.
     *
     * @return the router
     * @throws UncheckedIOException wrapping an {@link IpcException} if no transport is available
     */
    public static IpcRouter create() {
        return start("ipc-router-private");
    }

    private static IpcRouter start(String name) {
        try {
            return new IpcRouter(name);
        } catch (IpcException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Routes every message of {@code receiver} to {@code onMessage}.
     *
     * @param receiver the receiver, now owned by the router
     * @param onMessage called on the router thread for each message; it owns the message
     * @throws IllegalStateException if the router is shut down
     */
    public void addRoute(OpaqueIpcReceiver receiver, Consumer<OpaqueIpcMessage> onMessage) {
        addRoute(receiver, onMessage, () -> { });
    }

    /**
     * Routes every message of {@code receiver} to {@code onMessage}, and tells {@code onDisconnected} when every
     * sender is gone (after the last message).
     *
     * @param receiver the receiver, now owned by the router
     * @param onMessage called on the router thread for each message
     * @param onDisconnected called once on the router thread when the channel closes; not called on shutdown
     * @throws IllegalStateException if the router is shut down; the receiver then stays the caller's, unless the
     *     shutdown raced with this call, in which case the router closed it
     */
    public void addRoute(OpaqueIpcReceiver receiver, Consumer<OpaqueIpcMessage> onMessage, Runnable onDisconnected) {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(onMessage, "onMessage");
        Objects.requireNonNull(onDisconnected, "onDisconnected");
        if (shuttingDown.get()) {
            throw new IllegalStateException("This IpcRouter is shut down");
        }
        pending.add(new Route(receiver, onMessage, onDisconnected));
        wake();
        if (shuttingDown.get()) {
            drainPending();
            throw new IllegalStateException("This IpcRouter is shut down");
        }
    }

    /**
     * Routes every message of {@code receiver}, decoded as its type, into {@code queue} (with {@code put}, so a full
     * bounded queue holds the router back). A message that fails to decode is logged and skipped.
     *
     * @param receiver the receiver, now owned by the router
     * @param queue where messages go
     * @param <T> the message type
     * @throws IllegalStateException if the router is shut down
     */
    public <T> void routeToQueue(IpcReceiver<T> receiver, BlockingQueue<? super T> queue) {
        Objects.requireNonNull(queue, "queue");
        TypeRef<T> type = receiver.type();
        addRoute(receiver.toOpaque(), message -> {
            T value;
            try {
                value = message.to(type);
            } catch (IpcSerializationException e) {
                LOG.log(Level.WARNING, "Dropped a message that does not decode as " + type, e);
                return;
            }
            try {
                queue.put(value);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * Routes every message of {@code receiver} into a new unbounded queue.
     *
     * @param receiver the receiver, now owned by the router
     * @param <T> the message type
     * @return the queue
     * @throws IllegalStateException if the router is shut down
     */
    public <T> BlockingQueue<T> routeToNewQueue(IpcReceiver<T> receiver) {
        BlockingQueue<T> queue = new LinkedBlockingQueue<>();
        routeToQueue(receiver, queue);
        return queue;
    }

    /**
     * Stops the router: no callback runs after this returns (unless called from a callback, which then finishes
     * first), and every routed receiver is closed. Idempotent.
     */
    public void shutdown() {
        if (shuttingDown.compareAndSet(false, true)) {
            wake();
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(SHUTDOWN_WAIT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The same as {@link #shutdown()}. */
    @Override
    public void close() {
        shutdown();
    }

    private void wake() {
        if (wakePending.compareAndSet(false, true)) {
            try {
                wakeSender.send(new byte[] {1});
            } catch (IpcException | IllegalStateException e) {
                // The router thread is gone; whoever is waiting on it finds out through shuttingDown.
                wakePending.set(false);
            }
        }
    }

    private void run() {
        try {
            while (!shuttingDown.get()) {
                List<IpcSelectionResult> results;
                try {
                    results = set.select();
                } catch (IpcException e) {
                    LOG.log(Level.ERROR, "IpcRouter stops: select failed", e);
                    return;
                }
                for (IpcSelectionResult result : results) {
                    dispatch(result);
                }
            }
        } finally {
            shuttingDown.set(true);
            set.close();
            wakeSender.close();
            drainPending();
            routes.clear();
        }
    }

    private void dispatch(IpcSelectionResult result) {
        if (result.id() == wakeId) {
            if (result instanceof IpcSelectionResult.MessageReceived message) {
                message.message().close();
            }
            wakePending.set(false);
            addPending();
            return;
        }
        if (result instanceof IpcSelectionResult.MessageReceived message) {
            Route route = routes.get(message.id());
            if (route == null || shuttingDown.get()) {
                message.message().close();
                return;
            }
            try {
                route.onMessage().accept(message.message());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "An IpcRouter route's onMessage threw; the route goes on", e);
            }
        } else {
            Route route = routes.remove(result.id());
            if (route != null) {
                try {
                    route.onDisconnected().run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "An IpcRouter route's onDisconnected threw", e);
                }
            }
        }
    }

    private void addPending() {
        Route route;
        while ((route = pending.poll()) != null) {
            try {
                routes.put(set.add(route.receiver()), route);
            } catch (IpcException | RuntimeException e) {
                LOG.log(Level.WARNING, "IpcRouter could not add a route; its receiver is closed", e);
                route.receiver().close();
            }
        }
    }

    private void drainPending() {
        Route route;
        while ((route = pending.poll()) != null) {
            route.receiver().close();
        }
    }
}
