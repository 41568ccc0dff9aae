package ipc.serde.protobuf.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.DecodeContext;
import ipc.api.spi.EncodeContext;
import ipc.api.spi.MessageCodec;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The codec of one generated message class: its parser, found once through the class's default instance, and its
 * {@link FieldPlans.Plan}. A type without Handle fields is written and parsed by protobuf's generated code alone.
 *
 * <h2>Thread safety</h2>
 * Immutable and thread-safe.
 *
 * @param <M> the message class
 */
final class GeneratedMessageCodec<M extends Message> implements MessageCodec<M> {

    private final TypeRef<M> type;
    private final Parser<M> parser;
    private final boolean hasHandleFields;
    private final boolean allowUnknownFields;

    GeneratedMessageCodec(TypeRef<M> type, M defaultInstance, boolean allowUnknownFields) {
        this.type = type;
        @SuppressWarnings("unchecked") // A generated class's parser parses instances of that class.
        Parser<M> own = (Parser<M>) defaultInstance.getParserForType();
        this.parser = own;
        this.hasHandleFields = !FieldPlans.of(defaultInstance.getDescriptorForType()).handleFields().isEmpty();
        this.allowUnknownFields = allowUnknownFields;
    }

    @Override
    public void encode(M value, EncodeContext context) throws IpcSerializationException {
        M written;
        try {
            written = hasHandleFields ? HandleEncoding.toIndexes(value, context) : value;
        } catch (IpcSerializationException e) {
            throw Failures.encoding(value, type, e.getMessage(), e);
        }
        try {
            ValueBytesOutput.write(written, context);
        } catch (IOException e) {
            throw Failures.encoding(value, type, String.valueOf(e.getMessage()), e);
        }
    }

    @Override
    public M decode(ByteBuffer data, DecodeContext context) throws IpcSerializationException {
        int size = data.remaining();
        M message;
        try {
            message = Parsing.parse(parser, data, false);
        } catch (InvalidProtocolBufferException e) {
            throw Failures.decoding(type, size, String.valueOf(e.getMessage()), e);
        }
        if (!allowUnknownFields) {
            String unknown = UnknownFields.find(message);
            if (unknown != null) {
                throw Failures.decoding(type, size, "unknown " + unknown + " (bytes of another message type, or of a"
                        + " newer version of this one: see ProtobufSerializer.allowingUnknownFields())", null);
            }
        }
        if (!hasHandleFields) {
            return message;
        }
        try {
            return HandleDecoding.toTokens(message, context);
        } catch (IpcSerializationException e) {
            throw Failures.decoding(type, size, e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "GeneratedMessageCodec<" + type + ">";
    }
}
