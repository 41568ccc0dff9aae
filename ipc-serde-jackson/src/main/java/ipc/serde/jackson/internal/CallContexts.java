package ipc.serde.jackson.internal;

import ipc.api.spi.DecodeContext;
import ipc.api.spi.EncodeContext;
import java.lang.reflect.Type;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;

/**
 * Carries the per-message {@link EncodeContext} and {@link DecodeContext} from the codec to the handle
 * (de)serializers, as Jackson per-call attributes: each {@code ObjectWriter}/{@code ObjectReader} call gets its own,
 * so concurrent messages never see each other's handle tables.
 */
final class CallContexts {

    /** The attribute keys; private to this module, so no application attribute can collide with them. */
    enum Key {
        ENCODE_CONTEXT,
        DECODE_CONTEXT
    }

    private CallContexts() {}

    /** The handle table of the message being written, or a clear failure when the mapper was called directly. */
    static EncodeContext encodeContext(SerializationContext jackson, Object handle) {
        Object context = jackson.getAttribute(Key.ENCODE_CONTEXT);
        if (context instanceof EncodeContext encode) {
            return encode;
        }
        throw DatabindException.from(jackson, "Cannot write an ipc-channel " + handle.getClass().getSimpleName()
                + " outside an ipc-channel message: handles travel only through IpcSender.send, which gives them "
                + "a handle table; this Jackson mapper was called directly");
    }

    /** The handle table of the message being read, or a clear failure when the mapper was called directly. */
    static DecodeContext decodeContext(DeserializationContext jackson, Type declaredType) {
        Object context = jackson.getAttribute(Key.DECODE_CONTEXT);
        if (context instanceof DecodeContext decode) {
            return decode;
        }
        throw DatabindException.from(jackson, "Cannot read an ipc-channel " + declaredType.getTypeName()
                + " outside an ipc-channel message: handles arrive only through IpcReceiver.recv (or "
                + "OpaqueIpcMessage.to), which has the handle table; this Jackson mapper was called directly");
    }
}
