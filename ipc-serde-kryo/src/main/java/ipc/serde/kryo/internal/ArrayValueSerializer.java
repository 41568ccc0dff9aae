package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.reflect.Array;

/**
 * An array of objects: its length, then each element as the declared component type says. The length is checked
 * against the bytes that remain (every element takes at least one byte) before the array is allocated. Arrays of
 * primitives are written by Kryo's own array serializers, read through {@link BoundedInput}.
 *
 * <h2>Thread safety</h2>
 * Immutable once {@linkplain #resolve resolved}, which the {@link SerializerCache} does before publishing it.
 */
final class ArrayValueSerializer extends Serializer<Object> {

    private final String declared;
    /** What the size counts, for the message of a size that cannot fit: made once, not per read. */
    private final String counted;
    private final Class<?> componentType;
    private Position element;

    ArrayValueSerializer(String declared, Class<?> componentType) {
        this.declared = declared;
        this.counted = "elements of a " + declared;
        this.componentType = componentType;
    }

    void resolve(Position elementPosition) {
        this.element = elementPosition;
    }

    @Override
    public void write(Kryo kryo, Output output, Object array) {
        Object[] elements = (Object[]) array;
        output.writeVarInt(elements.length, true);
        for (Object value : elements) {
            element.write(kryo, output, value);
        }
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> type) {
        int length = input.readVarInt(true);
        ((BoundedInput) input).checkFits(length, 1, counted);
        Object[] array = (Object[]) Array.newInstance(componentType, length);
        for (int i = 0; i < length; i++) {
            array[i] = element.read(kryo, input);
        }
        return array;
    }
}
