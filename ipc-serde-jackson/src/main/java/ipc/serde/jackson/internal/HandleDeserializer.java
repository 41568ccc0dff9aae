package ipc.serde.jackson.internal;

import ipc.api.IpcSerializationException;
import ipc.api.spi.DecodeContext;
import java.lang.reflect.Type;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads a handle index and asks the message's handle table for the handle, as the full type declared where the
 * handle appears ({@code IpcSender<Point>}, not just {@code IpcSender}), so a decoded typed handle encodes and
 * decodes its own messages as that type.
 *
 * <h2>Thread safety</h2>
 * Immutable and thread-safe; the handle table comes with each call.
 */
final class HandleDeserializer extends StdScalarDeserializer<Object> {

    private final Type declaredType;

    HandleDeserializer(JavaType jacksonType) {
        super(jacksonType);
        this.declaredType = ReflectTypes.of(jacksonType);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) {
        DecodeContext handles = CallContexts.decodeContext(context, declaredType);
        if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT)) {
            return context.reportInputMismatch(this, "Expected a handle index (an integer) for %s, found %s",
                    declaredType.getTypeName(), parser.currentToken());
        }
        int index = parser.getIntValue();
        try {
            return handles.handle(index, declaredType);
        } catch (IpcSerializationException e) {
            throw DatabindException.from(parser, e.getMessage(), e);
        }
    }
}
