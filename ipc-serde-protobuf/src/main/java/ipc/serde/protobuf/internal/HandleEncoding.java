package ipc.serde.protobuf.internal;

import ipc.api.IpcSerializationException;
import ipc.api.spi.EncodeContext;
import ipc.serde.protobuf.proto.Handle;

/**
 * Replaces every Handle of a message being sent with the index of its handle in the message's handle table. The
 * same handle reached twice (through one Handle or several) gets one index, so it travels once.
 *
 * <h2>Thread safety</h2>
 * Confined to the encoding thread, as its {@link EncodeContext} is.
 */
final class HandleEncoding implements HandleRewriter.Mapping {

    private final EncodeContext context;

    private HandleEncoding(EncodeContext context) {
        this.context = context;
    }

    /**
     * {@code message} with indexes in place of tokens.
     *
     * @throws IpcSerializationException if a Handle was not made by {@code IpcHandles.of} (nor received)
     */
    static <M extends com.google.protobuf.Message> M toIndexes(M message, EncodeContext context)
            throws IpcSerializationException {
        return HandleRewriter.rewrite(message, new HandleEncoding(context));
    }

    @Override
    public Handle replace(Handle handle, FieldTrail path) throws IpcSerializationException {
        Object object = HandleRegistry.lookup(handle);
        if (object == null) {
            throw new IpcSerializationException("the Handle at " + path + " " + describe(handle)
                    + "; put there the Handle that IpcHandles.of(...) returned, or one a received message holds");
        }
        return Handle.newBuilder().setIndex(context.handleIndex(object)).build();
    }

    private static String describe(Handle handle) {
        return switch (handle.getRefCase()) {
            case INDEX -> "holds index " + Integer.toUnsignedString(handle.getIndex()) + ", set by hand";
            case TOKEN -> "is a copy (made by toBuilder(), mergeFrom or parsing), which names no handle";
            case REF_NOT_SET -> "is empty";
        };
    }
}
