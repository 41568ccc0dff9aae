package ipc.api;

import ipc.api.spi.TransportHandle;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;

/**
 * The one owner of one transport handle, shared by every view of it ({@code toOpaque()}, {@code to(...)}):
 * closing any view closes the core, and the core is closed by the {@link Cleaner} if every view becomes
 * unreachable without {@code close()}. The cleaner's action holds the transport handle, never the core.
 */
final class HandleCore {

    private static final Cleaner CLEANER = Cleaner.create(runnable -> {
        Thread thread = new Thread(runnable, "ipc-channel-cleaner");
        thread.setDaemon(true);
        return thread;
    });

    private final TransportHandle endpoint;
    private final Cleaner.Cleanable cleanable;

    HandleCore(TransportHandle endpoint) {
        this.endpoint = endpoint;
        this.cleanable = CLEANER.register(this, endpoint::close);
    }

    /** Wraps every handle of a received message, so each is released even if the message is dropped. */
    static List<HandleCore> wrapAll(List<TransportHandle> handles) {
        List<HandleCore> cores = new ArrayList<>(handles.size());
        for (TransportHandle handle : handles) {
            cores.add(new HandleCore(handle));
        }
        return cores;
    }

    static void closeAll(List<HandleCore> cores) {
        for (HandleCore core : cores) {
            core.close();
        }
    }

    /** Registers any other native-state owner (servers, sets) with the same cleaner thread. */
    static Cleaner.Cleanable register(Object owner, Runnable release) {
        return CLEANER.register(owner, release);
    }

    TransportHandle endpoint() {
        return endpoint;
    }

    boolean isOpen() {
        return endpoint.isOpen();
    }

    /** Closes the transport handle at most once; later calls do nothing. */
    void close() {
        cleanable.clean();
    }
}
