package ipc.serde.protobuf.internal;

import ipc.serde.protobuf.proto.Handle;
import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The handle objects that {@link Handle} messages of this process stand for, each under the message's token.
 *
 * <p>An entry lives exactly as long as its Handle object: it is found only through that very object (a copy with the
 * same token finds nothing, so neither a forged nor a re-parsed Handle can name a handle of this process), and a
 * {@link Cleaner} removes it once the object is unreachable. The entry holds the handle object strongly, so a handle
 * whose Handle is still reachable stays open; once both are unreachable, the API's own cleaner closes the handle.
 *
 * <h2>Thread safety</h2>
 * Thread-safe.
 */
public final class HandleRegistry {

    private static final Map<Long, Entry> ENTRIES = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT_TOKEN = new AtomicLong(1);

    private HandleRegistry() {}

    private record Entry(WeakReference<Handle> message, Object handle, Cleaner.Cleanable cleanable) {}

    /** The cleaner thread is started on the first registration, never by loading the serializer. */
    private static final class CleanerHolder {
        static final Cleaner CLEANER = Cleaner.create(runnable -> {
            Thread thread = new Thread(runnable, "ipc-serde-protobuf-handles");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A new Handle message standing for {@code handle} (an instance of one of the API's handle types).
     *
     * @param handle the handle object; the registry keeps it reachable while the returned message is
     * @return a Handle message holding a fresh token
     */
    public static Handle register(Object handle) {
        long token = NEXT_TOKEN.getAndIncrement();
        Handle message = Handle.newBuilder().setToken(token).build();
        Cleaner.Cleanable cleanable = CleanerHolder.CLEANER.register(message, () -> ENTRIES.remove(token));
        ENTRIES.put(token, new Entry(new WeakReference<>(message), handle, cleanable));
        return message;
    }

    /**
     * The handle object {@code message} stands for.
     *
     * @return the handle object, or null if {@code message} is not a Handle that {@link #register(Object)} returned
     *     (an index, an empty Handle, or a copy)
     */
    public static Object lookup(Handle message) {
        if (!message.hasToken()) {
            return null;
        }
        Entry entry = ENTRIES.get(message.getToken());
        return entry != null && entry.message().get() == message ? entry.handle() : null;
    }

    /** Drops {@code message}'s entry now, for Handles of a message that failed to decode. */
    static void forget(Handle message) {
        Entry entry = ENTRIES.get(message.getToken());
        if (entry != null && entry.message().get() == message) {
            entry.cleanable().clean();
        }
    }

    /** How many entries are live: for tests that check that nothing is kept. */
    static int size() {
        return ENTRIES.size();
    }
}
