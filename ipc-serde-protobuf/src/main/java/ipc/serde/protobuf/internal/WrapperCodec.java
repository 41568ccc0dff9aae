package ipc.serde.protobuf.internal;

import com.google.protobuf.BoolValue;
import com.google.protobuf.BytesValue;
import com.google.protobuf.DoubleValue;
import com.google.protobuf.FloatValue;
import com.google.protobuf.Int32Value;
import com.google.protobuf.Int64Value;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import com.google.protobuf.StringValue;
import com.google.protobuf.UnsafeByteOperations;
import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.DecodeContext;
import ipc.api.spi.EncodeContext;
import ipc.api.spi.MessageCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Function;

/**
 * Carries a plain Java value as protobuf's well-known wrapper message for it ({@code google.protobuf.StringValue}
 * for {@code String}, and so on), so that channels of {@code String}, {@code byte[]} and boxed scalars work with
 * this serializer as with the others, and a non-Java peer can read them with the standard wrappers.
 *
 * <h2>Thread safety</h2>
 * Immutable and thread-safe.
 *
 * @param <T> the Java type
 * @param <W> the wrapper message type
 */
final class WrapperCodec<T, W extends Message> implements MessageCodec<T> {

    private final TypeRef<T> type;
    private final Parser<W> parser;
    private final Function<T, W> wrap;
    private final Function<W, T> unwrap;
    private final boolean copiesOut;
    private final boolean allowUnknownFields;

    private WrapperCodec(Class<T> type, Parser<W> parser, Function<T, W> wrap, Function<W, T> unwrap,
            boolean copiesOut, boolean allowUnknownFields) {
        this.type = TypeRef.of(type);
        this.parser = parser;
        this.wrap = wrap;
        this.unwrap = unwrap;
        this.copiesOut = copiesOut;
        this.allowUnknownFields = allowUnknownFields;
    }

    /** The codec for {@code type}, or null if no wrapper message carries it. */
    static MessageCodec<?> forClass(Class<?> type, boolean allowUnknownFields) {
        if (type == String.class) {
            return new WrapperCodec<>(String.class, StringValue.parser(), StringValue::of, StringValue::getValue,
                    false, allowUnknownFields);
        }
        if (type == byte[].class) {
            // Written without a copy; read with bytes aliasing the payload, then copied out once.
            return new WrapperCodec<>(byte[].class, BytesValue.parser(),
                    bytes -> BytesValue.of(UnsafeByteOperations.unsafeWrap(bytes)),
                    wrapper -> wrapper.getValue().toByteArray(), true, allowUnknownFields);
        }
        if (type == Integer.class) {
            return new WrapperCodec<>(Integer.class, Int32Value.parser(), Int32Value::of, Int32Value::getValue,
                    false, allowUnknownFields);
        }
        if (type == Long.class) {
            return new WrapperCodec<>(Long.class, Int64Value.parser(), Int64Value::of, Int64Value::getValue,
                    false, allowUnknownFields);
        }
        if (type == Boolean.class) {
            return new WrapperCodec<>(Boolean.class, BoolValue.parser(), BoolValue::of, BoolValue::getValue,
                    false, allowUnknownFields);
        }
        if (type == Double.class) {
            return new WrapperCodec<>(Double.class, DoubleValue.parser(), DoubleValue::of, DoubleValue::getValue,
                    false, allowUnknownFields);
        }
        if (type == Float.class) {
            return new WrapperCodec<>(Float.class, FloatValue.parser(), FloatValue::of, FloatValue::getValue,
                    false, allowUnknownFields);
        }
        return null;
    }

    @Override
    public void encode(T value, EncodeContext context) throws IpcSerializationException {
        try {
            ValueBytesOutput.write(wrap.apply(value), context);
        } catch (IOException e) {
            throw Failures.encoding(value, type, String.valueOf(e.getMessage()), e);
        }
    }

    @Override
    public T decode(ByteBuffer data, DecodeContext context) throws IpcSerializationException {
        int size = data.remaining();
        W wrapper;
        try {
            wrapper = Parsing.parse(parser, data, copiesOut);
        } catch (InvalidProtocolBufferException e) {
            throw Failures.decoding(type, size, String.valueOf(e.getMessage()), e);
        }
        if (!allowUnknownFields && !wrapper.getUnknownFields().isEmpty()) {
            throw Failures.decoding(type, size, "unknown field numbers " + wrapper.getUnknownFields().asMap().keySet()
                    + " of " + wrapper.getDescriptorForType().getFullName() + " (bytes of another type)", null);
        }
        return unwrap.apply(wrapper);
    }

    @Override
    public String toString() {
        return "WrapperCodec<" + type + ">";
    }
}
