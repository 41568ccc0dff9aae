package ipc.serde.protobuf.internal;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import ipc.api.TypeRef;
import ipc.api.spi.MessageCodec;
import ipc.serde.protobuf.proto.Handle;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Makes the codec for a declared type. The one reflective step, calling a generated class's static
 * {@code getDefaultInstance()}, happens here, once per type; messages are then parsed by the parser it yields. On
 * the module path, a message class that this module or protobuf cannot reach is refused here, with the
 * {@code exports} to add, rather than on the first message.
 *
 * <h2>Thread safety</h2>
 * Stateless and thread-safe.
 */
public final class Codecs {

    private Codecs() {}

    /**
     * The codec for {@code type}.
     *
     * @param allowUnknownFields whether decoded messages may carry fields their type does not declare
     * @throws IllegalArgumentException if the serializer cannot carry {@code type} (the message lists what it can)
     */
    public static MessageCodec<?> create(TypeRef<?> type, boolean allowUnknownFields) {
        if (!(type.type() instanceof Class<?> raw)) {
            throw Failures.unsupported(type, "a generic type has no protobuf message class");
        }
        MessageCodec<?> wrapped = WrapperCodec.forClass(raw, allowUnknownFields);
        if (wrapped != null) {
            return wrapped;
        }
        if (!Message.class.isAssignableFrom(raw)) {
            throw Failures.unsupported(type, "it is not a protobuf message class");
        }
        if (raw == Handle.class) {
            throw Failures.unsupported(type, "a Handle travels in a field of a message, not on its own");
        }
        return messageCodec(raw.asSubclass(Message.class), allowUnknownFields);
    }

    private static <M extends Message> MessageCodec<M> messageCodec(Class<M> type, boolean allowUnknownFields) {
        TypeRef<M> ref = TypeRef.of(type);
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type == DynamicMessage.class) {
            throw Failures.unsupported(ref, "it is not a generated message class (one that protoc wrote for a"
                    + " message of a .proto file)");
        }
        Object instance;
        try {
            Method getDefaultInstance = type.getMethod("getDefaultInstance");
            if (!Modifier.isStatic(getDefaultInstance.getModifiers())) {
                throw new NoSuchMethodException("static getDefaultInstance()");
            }
            instance = getDefaultInstance.invoke(null);
        } catch (NoSuchMethodException e) {
            throw Failures.unsupported(ref, "it has no static getDefaultInstance(), so it is not a generated message"
                    + " class");
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("Serializer '" + Failures.SERIALIZER + "' cannot access " + type
                    .getName() + ": on the module path, its package must be exported to modules ipc.serde.protobuf"
                    + " and com.google.protobuf (exports " + type.getPackageName() + ";)", e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("Serializer '" + Failures.SERIALIZER + "' cannot initialize "
                    + type.getName() + ": " + e.getCause(), e.getCause());
        }
        if (instance == null || instance.getClass() != type) {
            throw Failures.unsupported(ref, "its getDefaultInstance() does not return a " + type.getName());
        }
        M defaultInstance = type.cast(instance);
        try {
            // Protobuf's reflection, which the walks for handles and unknown fields use, calls the generated
            // accessors from module com.google.protobuf: find out now, not on the first message, if it cannot.
            defaultInstance.getAllFields();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Serializer '" + Failures.SERIALIZER + "' cannot use protobuf's"
                    + " reflection on " + type.getName() + ": on the module path, its package must be exported to"
                    + " module com.google.protobuf too (exports " + type.getPackageName() + ";)", e);
        }
        return new GeneratedMessageCodec<>(ref, defaultInstance, allowUnknownFields);
    }
}
