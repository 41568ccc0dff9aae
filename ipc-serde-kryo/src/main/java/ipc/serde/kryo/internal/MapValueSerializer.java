package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A map: its size, then each key and value as the declared key and value types say. Reads back as the
 * implementation {@link Structures} names for the declared type. The size is checked against the bytes that
 * remain (every entry takes at least two) before anything is allocated.
 *
 * <h2>Thread safety</h2>
 * Immutable once {@linkplain #resolve resolved}, which the {@link SerializerCache} does before publishing it.
 */
final class MapValueSerializer extends Serializer<Object> {

    private final String declared;
    /** What the size counts, for the message of a size that cannot fit: made once, not per read. */
    private final String counted;
    private final IntFunction<Map<Object, Object>> factory;
    private Position key;
    private Position value;

    MapValueSerializer(String declared, IntFunction<Map<Object, Object>> factory) {
        this.declared = declared;
        this.counted = "entries of a " + declared;
        this.factory = factory;
    }

    void resolve(Position keyPosition, Position valuePosition) {
        this.key = keyPosition;
        this.value = valuePosition;
    }

    @Override
    public void write(Kryo kryo, Output output, Object object) {
        Map<?, ?> map = (Map<?, ?>) object;
        int size = map.size();
        output.writeVarInt(size, true);
        int written = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (written++ == size) {
                break;
            }
            key.write(kryo, output, entry.getKey());
            value.write(kryo, output, entry.getValue());
        }
        if (written != size) {
            throw new KryoException("The " + declared + " changed size while it was written");
        }
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> type) {
        int size = input.readVarInt(true);
        ((BoundedInput) input).checkFits(size, 2, counted);
        Map<Object, Object> map = factory.apply(Math.min(size, Structures.PRESIZE_LIMIT));
        for (int i = 0; i < size; i++) {
            map.put(key.read(kryo, input), value.read(kryo, input));
        }
        return map;
    }
}
