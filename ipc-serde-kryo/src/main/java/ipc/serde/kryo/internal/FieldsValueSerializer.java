package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.reflect.Field;
import java.util.List;
import org.objenesis.instantiator.ObjectInstantiator;

/**
 * A plain class: its non-transient instance fields (see {@link Member#ofFields}), each as its resolved type says.
 * Instances are created by {@link Instantiators}, then the fields are set reflectively.
 *
 * <h2>Thread safety</h2>
 * Immutable once {@linkplain #resolve resolved}, which the {@link SerializerCache} does before publishing it.
 */
final class FieldsValueSerializer extends Serializer<Object> {

    private final Class<?> type;
    private final Field[] fields;
    private final String[] names;
    private final ObjectInstantiator<?> instantiator;
    private Position[] positions;

    /**
     * @throws RuntimeException (such as {@code InaccessibleObjectException}) if the class's fields or constructor are
     *     not accessible to this module
     */
    FieldsValueSerializer(Class<?> type, List<Member> members) {
        this.type = type;
        this.fields = new Field[members.size()];
        this.names = new String[members.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = members.get(i).field();
            fields[i].setAccessible(true);
            names[i] = members.get(i).name();
        }
        this.instantiator = Instantiators.of(type);
    }

    /** Sets the positions of the fields, once, while the cache builds this serializer. */
    void resolve(Position[] fieldPositions) {
        this.positions = fieldPositions;
    }

    @Override
    public void write(Kryo kryo, Output output, Object object) {
        int i = 0;
        try {
            for (; i < positions.length; i++) {
                positions[i].write(kryo, output, fields[i].get(object));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw Traces.traced(e, names[i], type);
        }
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> ignored) {
        Object object = instantiator.newInstance();
        int i = 0;
        try {
            for (; i < positions.length; i++) {
                fields[i].set(object, positions[i].read(kryo, input));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw Traces.traced(e, names[i], type);
        }
        return object;
    }
}
