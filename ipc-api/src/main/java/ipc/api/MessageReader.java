package ipc.api;

import ipc.api.spi.DecodeContext;
import ipc.api.spi.TransportHandle.Kind;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Decodes one message payload and hands out its handles. Whatever the decoded value does not reference is closed
 * when decoding ends; if decoding fails, every handle of the message is closed.
 */
final class MessageReader implements DecodeContext {

    private final List<HandleCore> cores;
    /** The message's binding: its serializer and header serve the typed handles decoded from it. */
    private final Binding<?> binding;
    /** Per handle index: the handle made for it (claimed), or null (closed when decoding ends). */
    private final Object[] made;
    /** Per handle index: the declared type {@link #made} was made as. */
    private final Type[] madeTypes;
    /** The binding of the last typed handle made, for the next one declared as the same type. */
    private Type boundType;
    private Binding<?> bound;

    private MessageReader(List<HandleCore> cores, Binding<?> binding) {
        this.cores = cores;
        this.binding = binding;
        this.made = new Object[cores.size()];
        this.madeTypes = new Type[cores.size()];
    }

    /**
     * Checks the header at {@code frame}'s position against {@code binding}'s serializer and leaves the position at
     * the payload. On a mismatch, closes {@code cores} and throws.
     */
    static void checkHeader(ByteBuffer frame, byte[] expectedHeader, String expectedName, Object expectedType,
            List<HandleCore> cores) throws IpcSerializationException {
        if (Frames.hasSerializer(frame, expectedHeader)) {
            frame.position(frame.position() + expectedHeader.length);
            return;
        }
        try {
            String writtenBy = Frames.readHeader(frame);
            throw new IpcSerializationException("Expected a message written by serializer '" + expectedName
                    + "' for " + expectedType + ", got one written by '" + writtenBy + "'");
        } finally {
            HandleCore.closeAll(cores);
        }
    }

    /** Decodes the payload between {@code payload}'s position and limit as {@code binding}'s type. */
    static <T> T decode(ByteBuffer payload, List<HandleCore> cores, Binding<T> binding)
            throws IpcSerializationException {
        MessageReader reader = new MessageReader(cores, binding);
        boolean success = false;
        try {
            T value;
            try {
                value = binding.codec().decode(payload, reader);
            } catch (RuntimeException | StackOverflowError e) {
                throw new IpcSerializationException("Cannot decode a message of " + payload.remaining()
                        + " bytes as " + binding.type() + " with serializer '" + binding.serializerName() + "': "
                        + e.getMessage(), e);
            }
            if (value == null) {
                throw new IpcSerializationException("Expected a " + binding.type() + ", got a message that "
                        + "serializer '" + binding.serializerName() + "' decoded to null");
            }
            success = true;
            return value;
        } finally {
            reader.finish(success);
        }
    }

    private void finish(boolean success) {
        for (int i = 0; i < made.length; i++) {
            if (!success || made[i] == null) {
                cores.get(i).close();
            }
        }
    }

    @Override
    public int handleCount() {
        return cores.size();
    }

    @Override
    public Kind kind(int index) throws IpcSerializationException {
        if (index < 0 || index >= cores.size()) {
            throw new IpcSerializationException("Expected a handle index below " + cores.size()
                    + " (the handles that came with the message), got " + index);
        }
        return cores.get(index).endpoint().kind();
    }

    @Override
    public Object handle(int index, Type declaredType) throws IpcSerializationException {
        if (index < 0 || index >= cores.size()) {
            throw new IpcSerializationException("Expected a handle index below " + cores.size()
                    + " (the handles that came with the message), got " + index);
        }
        Class<?> raw = rawType(declaredType);
        Kind expected = kindOf(raw);
        if (expected == null) {
            throw new IpcSerializationException("Expected an ipc-channel handle type at handle index " + index
                    + ", but the serializer asked for " + declaredType.getTypeName());
        }
        HandleCore core = cores.get(index);
        Kind actual = core.endpoint().kind();
        if (actual != expected) {
            throw new IpcSerializationException("Expected a " + describe(expected) + " at handle index " + index
                    + " for " + declaredType.getTypeName() + ", got a " + describe(actual));
        }
        if (made[index] != null && madeTypes[index].equals(declaredType)) {
            return made[index];
        }
        Object handle = create(raw, declaredType, core);
        made[index] = handle;
        madeTypes[index] = declaredType;
        return handle;
    }

    private Object create(Class<?> raw, Type declaredType, HandleCore core) {
        if (raw == IpcSender.class) {
            return new IpcSender<>(core, bindingFor(declaredType));
        }
        if (raw == IpcReceiver.class) {
            return new IpcReceiver<>(core, bindingFor(declaredType));
        }
        if (raw == OpaqueIpcSender.class) {
            return new OpaqueIpcSender(core, binding.serializer());
        }
        if (raw == OpaqueIpcReceiver.class) {
            return new OpaqueIpcReceiver(core, binding.serializer());
        }
        if (raw == IpcBytesSender.class) {
            return new IpcBytesSender(core);
        }
        if (raw == IpcBytesReceiver.class) {
            return new IpcBytesReceiver(core);
        }
        return new IpcSharedMemory(core);
    }

    /**
     * The binding of a typed handle declared as {@code declaredType}, with the message's serializer: shared by the
     * handles of a message declared alike (the eight senders of a {@code List<IpcSender<Point>>}), as the
     * duplicates of a handle share theirs.
     */
    private Binding<?> bindingFor(Type declaredType) {
        if (bound == null || !boundType.equals(declaredType)) {
            bound = binding.retyped(TypeRef.ofType(typeArgument(declaredType)));
            boundType = declaredType;
        }
        return bound;
    }

    /** {@code IpcSender} for {@code IpcSender<Point>}; the checks of {@link TypeRef#ofType} for anything unusual. */
    private static Class<?> rawType(Type declaredType) {
        if (declaredType instanceof Class<?> type) {
            return type;
        }
        if (declaredType instanceof ParameterizedType parameterized
                && parameterized.getRawType() instanceof Class<?> type) {
            return type;
        }
        return TypeRef.ofType(declaredType).rawType();
    }

    private static Kind kindOf(Class<?> raw) {
        if (raw == IpcSender.class || raw == OpaqueIpcSender.class || raw == IpcBytesSender.class) {
            return Kind.SENDER;
        }
        if (raw == IpcReceiver.class || raw == OpaqueIpcReceiver.class || raw == IpcBytesReceiver.class) {
            return Kind.RECEIVER;
        }
        if (raw == IpcSharedMemory.class) {
            return Kind.SHARED_MEMORY;
        }
        return null;
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case SENDER -> "channel sender";
            case RECEIVER -> "channel receiver";
            case SHARED_MEMORY -> "shared-memory region";
        };
    }

    /** {@code Point} for {@code IpcSender<Point>} or {@code IpcSender<? extends Point>}; Object when raw. */
    private static Type typeArgument(Type declaredType) {
        if (declaredType instanceof ParameterizedType parameterized) {
            Type argument = parameterized.getActualTypeArguments()[0];
            if (argument instanceof WildcardType wildcard) {
                return wildcard.getUpperBounds()[0];
            }
            return argument;
        }
        return Object.class;
    }
}
