package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.Collection;
import java.util.function.IntFunction;

/**
 * A collection: its size, then each element as the declared element type says. Reads back as the implementation
 * {@link Structures} names for the declared type. The size is checked against the bytes that remain (every element
 * takes at least one byte) before anything is allocated.
 *
 * <h2>Thread safety</h2>
 * Immutable once {@linkplain #resolve resolved}, which the {@link SerializerCache} does before publishing it.
 */
final class CollectionValueSerializer extends Serializer<Object> {

    private final String declared;
    /** What the size counts, for the message of a size that cannot fit: made once, not per read. */
    private final String counted;
    private final IntFunction<Collection<Object>> factory;
    private Position element;

    CollectionValueSerializer(String declared, IntFunction<Collection<Object>> factory) {
        this.declared = declared;
        this.counted = "elements of a " + declared;
        this.factory = factory;
    }

    void resolve(Position elementPosition) {
        this.element = elementPosition;
    }

    @Override
    public void write(Kryo kryo, Output output, Object object) {
        Collection<?> collection = (Collection<?>) object;
        int size = collection.size();
        output.writeVarInt(size, true);
        int written = 0;
        for (Object value : collection) {
            if (written++ == size) {
                break;
            }
            element.write(kryo, output, value);
        }
        if (written != size) {
            throw new KryoException("The " + declared + " changed size while it was written");
        }
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> type) {
        int size = input.readVarInt(true);
        ((BoundedInput) input).checkFits(size, 1, counted);
        Collection<Object> collection = factory.apply(Math.min(size, Structures.PRESIZE_LIMIT));
        for (int i = 0; i < size; i++) {
            collection.add(element.read(kryo, input));
        }
        return collection;
    }
}
