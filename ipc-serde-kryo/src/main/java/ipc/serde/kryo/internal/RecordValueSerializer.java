package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * A record: each component in declaration order, as its resolved type says, then the canonical constructor.
 * Kryo's own {@code RecordSerializer} knows components only by their erased class; this one knows
 * {@code List<IpcSender<Point>>}, so handles and generic values inside records come back typed.
 *
 * <h2>Thread safety</h2>
 * Immutable once {@linkplain #resolve resolved}, which the {@link SerializerCache} does before publishing it.
 */
final class RecordValueSerializer extends Serializer<Object> {

    private final Class<?> type;
    private final Method[] accessors;
    private final String[] names;
    private final Constructor<?> constructor;
    private Position[] positions;

    /**
     * @throws RuntimeException (such as {@code InaccessibleObjectException}) if the record is not accessible to this
     *     module
     */
    RecordValueSerializer(Class<?> type, List<Member> components) {
        this.type = type;
        this.accessors = new Method[components.size()];
        this.names = new String[components.size()];
        Class<?>[] parameterTypes = new Class<?>[components.size()];
        for (int i = 0; i < accessors.length; i++) {
            accessors[i] = components.get(i).component().getAccessor();
            accessors[i].setAccessible(true);
            names[i] = components.get(i).name();
            parameterTypes[i] = components.get(i).component().getType();
        }
        try {
            this.constructor = type.getDeclaredConstructor(parameterTypes);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("A record without its canonical constructor: " + type.getName(), e);
        }
        constructor.setAccessible(true);
    }

    /** Sets the positions of the components, once, while the cache builds this serializer. */
    void resolve(Position[] componentPositions) {
        this.positions = componentPositions;
    }

    @Override
    public void write(Kryo kryo, Output output, Object record) {
        int i = 0;
        try {
            for (; i < positions.length; i++) {
                positions[i].write(kryo, output, accessors[i].invoke(record));
            }
        } catch (InvocationTargetException e) {
            throw Traces.traced(new KryoException("The accessor failed: " + e.getCause(), e.getCause()), names[i],
                    type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw Traces.traced(e, names[i], type);
        }
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> ignored) {
        Object[] values = new Object[positions.length];
        int i = 0;
        try {
            for (; i < positions.length; i++) {
                values[i] = positions[i].read(kryo, input);
            }
        } catch (RuntimeException e) {
            throw Traces.traced(e, names[i], type);
        }
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new KryoException("The constructor of " + type.getName() + " rejected the values read: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new KryoException("Cannot create a " + type.getName() + ": " + e, e);
        }
    }
}
