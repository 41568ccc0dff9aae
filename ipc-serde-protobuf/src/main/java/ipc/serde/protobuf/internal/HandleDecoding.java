package ipc.serde.protobuf.internal;

import com.google.protobuf.Message;
import ipc.api.IpcSerializationException;
import ipc.api.IpcSharedMemory;
import ipc.api.OpaqueIpcReceiver;
import ipc.api.OpaqueIpcSender;
import ipc.api.spi.DecodeContext;
import ipc.serde.protobuf.proto.Handle;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces every Handle of a received message (an index into its handle table) with a Handle of this process that
 * stands for the handle: an {@link OpaqueIpcSender}, {@link OpaqueIpcReceiver} or {@link IpcSharedMemory} taken from
 * the table once per index, so a handle reached twice is one object. Every handle a Handle names is thereby claimed
 * and stays open; if any Handle is bad, the registrations made so far are dropped and the API closes every handle
 * of the message.
 *
 * <h2>Thread safety</h2>
 * Confined to the decoding thread, as its {@link DecodeContext} is.
 */
final class HandleDecoding implements HandleRewriter.Mapping {

    private final DecodeContext context;
    private final Handle[] byIndex;
    private final List<Handle> registered = new ArrayList<>();

    private HandleDecoding(DecodeContext context) {
        this.context = context;
        this.byIndex = new Handle[context.handleCount()];
    }

    /**
     * {@code message} with tokens of this process in place of indexes.
     *
     * @throws IpcSerializationException if a Handle holds no index, a token, or an index with no handle
     */
    static <M extends Message> M toTokens(M message, DecodeContext context) throws IpcSerializationException {
        HandleDecoding decoding = new HandleDecoding(context);
        boolean done = false;
        try {
            M rewritten = HandleRewriter.rewrite(message, decoding);
            done = true;
            return rewritten;
        } finally {
            if (!done) {
                decoding.registered.forEach(HandleRegistry::forget);
            }
        }
    }

    @Override
    public Handle replace(Handle handle, FieldTrail path) throws IpcSerializationException {
        if (!handle.hasIndex()) {
            throw new IpcSerializationException("the Handle at " + path + (handle.hasToken()
                    ? " holds a token, which never leaves the process that made it, instead of a handle index"
                    : " is empty instead of holding a handle index"));
        }
        int index = handle.getIndex();
        if (index < 0 || index >= byIndex.length) {
            throw new IpcSerializationException("the Handle at " + path + " holds handle index "
                    + Integer.toUnsignedString(index) + ", but " + byIndex.length + " handles came with the message");
        }
        Handle known = byIndex[index];
        if (known != null) {
            return known;
        }
        Object object = switch (context.kind(index)) {
            case SENDER -> context.handle(index, OpaqueIpcSender.class);
            case RECEIVER -> context.handle(index, OpaqueIpcReceiver.class);
            case SHARED_MEMORY -> context.handle(index, IpcSharedMemory.class);
        };
        Handle local = HandleRegistry.register(object);
        registered.add(local);
        byIndex[index] = local;
        return local;
    }
}
