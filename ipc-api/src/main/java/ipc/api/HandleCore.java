package ipc.api;

import ipc.api.spi.TransportHandle;
import java.lang.ref.Cleaner;
import java.util.Arrays;
import java.util.List;

/**
 * The one owner of one transport handle, shared by every view of it ({@code toOpaque()}, {@code to(...)}):
 * closing any view closes the core, and the core is closed by the {@link SafetyNet} if every view becomes
 * unreachable without {@code close()}. The net's registration holds the transport handle, never the core.
 */
final class HandleCore {

    private final TransportHandle endpoint;
    private final SafetyNet net;

    HandleCore(TransportHandle endpoint) {
        this(endpoint, true);
    }

    private HandleCore(TransportHandle endpoint, boolean list) {
        this.endpoint = endpoint;
        this.net = SafetyNet.unlisted(this, endpoint);
        if (list) {
            net.list();
        }
    }

    /** Wraps every handle of a received message, so each is released even if the message is dropped. */
    static List<HandleCore> wrapAll(List<TransportHandle> handles) {
        int count = handles.size();
        if (count == 0) {
            return List.of();
        }
        HandleCore[] cores = new HandleCore[count];
        int made = 0;
        try {
            for (; made < count; made++) {
                cores[made] = new HandleCore(handles.get(made), false);
            }
        } finally {
            SafetyNet.listAll(cores, made); // one acquisition of the lock for the whole message
        }
        return Arrays.asList(cores);
    }

    static void closeAll(List<HandleCore> cores) {
        // Indexed (the lists are random-access): a message without handles closes nothing and allocates nothing.
        for (int i = 0; i < cores.size(); i++) {
            cores.get(i).close();
        }
    }

    /** Registers any other native-state owner (servers, sets) with the same safety net. */
    static Cleaner.Cleanable register(Object owner, Runnable release) {
        return SafetyNet.register(owner, release);
    }

    SafetyNet net() {
        return net;
    }

    TransportHandle endpoint() {
        return endpoint;
    }

    boolean isOpen() {
        return endpoint.isOpen();
    }

    /** Closes the transport handle at most once; later calls do nothing. */
    void close() {
        net.clean();
    }
}
