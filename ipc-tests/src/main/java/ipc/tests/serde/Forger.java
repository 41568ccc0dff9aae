package ipc.tests.serde;

import ipc.api.IpcSerializationException;
import ipc.api.IpcSharedMemory;
import ipc.api.OpaqueIpcReceiver;
import ipc.api.OpaqueIpcSender;
import ipc.api.TypeRef;
import ipc.api.spi.DecodeContext;
import ipc.api.spi.EncodeContext;
import ipc.api.spi.IpcSerializer;
import ipc.api.spi.MessageCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A serializer that reads and writes a message's payload and handle table as they are, under any name. Named like
 * the serializer under test, it reads the exact payload that serializer wrote (with its handles, as opaque views,
 * in table order) and forges messages (truncated, garbage, with or without handles) that a receiver of that
 * serializer must reject cleanly.
 *
 * <h2>Thread safety</h2>
 * Immutable.
 */
final class Forger implements IpcSerializer {

    /** A raw message: payload bytes and handles in the order of the handle table. */
    record Raw(byte[] payload, List<AutoCloseable> handles) {
        Raw(byte[] payload) {
            this(payload, List.of());
        }
    }

    static final TypeRef<Raw> RAW = TypeRef.of(Raw.class);

    private final String name;

    Forger(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public <T> MessageCodec<T> codec(TypeRef<T> type) {
        if (!type.equals(RAW)) {
            throw new IllegalArgumentException("Forger handles only " + RAW + ", not " + type);
        }
        @SuppressWarnings("unchecked") // T is Raw, checked just above
        MessageCodec<T> codec = (MessageCodec<T>) new RawCodec();
        return codec;
    }

    private static final class RawCodec implements MessageCodec<Raw> {
        @Override
        public void encode(Raw value, EncodeContext context) throws IpcSerializationException {
            for (AutoCloseable handle : value.handles()) {
                context.handleIndex(handle);
            }
            try {
                context.output().write(value.payload());
            } catch (IOException e) {
                throw new IpcSerializationException("Cannot write raw bytes: " + e.getMessage(), e);
            }
        }

        @Override
        public Raw decode(ByteBuffer data, DecodeContext context) throws IpcSerializationException {
            List<AutoCloseable> handles = new ArrayList<>();
            for (int i = 0; i < context.handleCount(); i++) {
                Class<?> view = switch (context.kind(i)) {
                    case SENDER -> OpaqueIpcSender.class;
                    case RECEIVER -> OpaqueIpcReceiver.class;
                    case SHARED_MEMORY -> IpcSharedMemory.class;
                };
                handles.add((AutoCloseable) context.handle(i, view));
            }
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            return new Raw(bytes, handles);
        }
    }
}
