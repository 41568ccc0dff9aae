package ipc.serde.jackson.internal;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdScalarSerializer;

/**
 * Writes an ipc-channel handle as its index in the message's handle table. The same handle (or two views of one
 * OS handle) reachable twice gets the same index, so the receiver rebuilds it once.
 *
 * <h2>Thread safety</h2>
 * Stateless and thread-safe.
 */
final class HandleSerializer extends StdScalarSerializer<Object> {

    static final HandleSerializer INSTANCE = new HandleSerializer();

    private HandleSerializer() {
        super(Object.class);
    }

    @Override
    public void serialize(Object handle, JsonGenerator generator, SerializationContext context) {
        generator.writeNumber(CallContexts.encodeContext(context, handle).handleIndex(handle));
    }
}
