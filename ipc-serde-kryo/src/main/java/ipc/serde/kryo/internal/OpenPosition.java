package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import ipc.api.spi.HandleTypes;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A position whose declared type does not fix the class ({@code Object}, an interface, an abstract or non-final
 * class): the value's registration ID comes first (0 for null), then the value. Only registered classes can be
 * written or read here, and a class read must also be a subtype of the declared one.
 *
 * <p>A list, set or map of an unregistered class (such as {@code List.of(...)}) travels as an {@code ArrayList},
 * {@code LinkedHashSet} or {@code LinkedHashMap}; a handle travels as its kind and comes back as
 * {@code OpaqueIpcSender}, {@code OpaqueIpcReceiver} or {@code IpcSharedMemory}, the declared type saying nothing
 * more.
 *
 * <h2>Thread safety</h2>
 * Thread-safe: the per-class serializers are cached in a concurrent map.
 */
final class OpenPosition extends Position {

    private final Type declared;
    private final Class<?> raw;
    private final SerializerCache cache;
    private final Map<Class<?>, Serializer<Object>> walked = new ConcurrentHashMap<>();

    OpenPosition(Type declared, SerializerCache cache) {
        this.declared = declared;
        this.raw = GenericTypes.raw(declared);
        this.cache = cache;
    }

    @Override
    void write(Kryo kryo, Output output, Object value) {
        if (value == null) {
            kryo.writeClass(output, null);
            return;
        }
        Class<?> type = value instanceof Enum<?> constant ? constant.getDeclaringClass() : value.getClass();
        Registration registration = kryo.getClassResolver().getRegistration(type);
        if (registration == null) {
            type = Structures.substituteFor(value);
            registration = type == null ? null : kryo.getClassResolver().getRegistration(type);
        }
        if (registration == null || !raw.isAssignableFrom(type)) {
            throw new KryoException("A " + value.getClass().getName() + " is not allowed where "
                    + GenericTypes.describe(declared) + " is declared: the class is not registered. Allow it with "
                    + "KryoSerializer.builder().allow(" + value.getClass().getSimpleName() + ".class)");
        }
        kryo.writeClass(output, type);
        if (HandleTypes.isHandleType(type)) {
            output.writeVarInt(MessageKryo.of(kryo).handleIndex(value), true);
        } else {
            kryo.writeObject(output, value, serializerFor(type, registration));
        }
    }

    @Override
    Object read(Kryo kryo, Input input) {
        Registration registration = kryo.readClass(input);
        if (registration == null) {
            return null;
        }
        Class<?> type = Boxing.box(registration.getType());
        if (HandleTypes.isHandleType(type)) {
            Object handle = MessageKryo.of(kryo).opaqueHandle(input.readVarInt(true));
            if (!raw.isInstance(handle)) {
                throw new KryoException("Expected a " + describe() + ", found a handle");
            }
            return handle;
        }
        if (!raw.isAssignableFrom(type)) {
            throw new KryoException("Expected a " + describe() + ", found the registration ID of "
                    + type.getName());
        }
        return kryo.readObject(input, type, serializerFor(type, registration));
    }

    @SuppressWarnings("unchecked")
    private Serializer<Object> serializerFor(Class<?> type, Registration registration) {
        if (registration.getSerializer() != WalkedClass.SERIALIZER) {
            return registration.getSerializer();
        }
        Serializer<Object> serializer = walked.get(type);
        if (serializer == null) {
            serializer = cache.serializer(Subtypes.of(type, declared));
            walked.putIfAbsent(type, serializer);
        }
        return serializer;
    }

    @Override
    String describe() {
        return GenericTypes.describe(declared);
    }
}
