package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * {@code boolean[]} in Kryo's own format (length + 1, then one byte per element), but checking the declared length
 * against the bytes that remain before allocating, which Kryo's {@code BooleanArraySerializer} does not.
 *
 * <h2>Thread safety</h2>
 * Stateless and thread-safe.
 */
final class BooleanArraySerializer extends Serializer<boolean[]> {

    BooleanArraySerializer() {
        setAcceptsNull(true);
    }

    @Override
    public void write(Kryo kryo, Output output, boolean[] array) {
        if (array == null) {
            output.writeByte(Kryo.NULL);
            return;
        }
        output.writeVarInt(array.length + 1, true);
        for (boolean element : array) {
            output.writeBoolean(element);
        }
    }

    @Override
    public boolean[] read(Kryo kryo, Input input, Class<? extends boolean[]> type) {
        int length = input.readVarInt(true);
        if (length == Kryo.NULL) {
            return null;
        }
        return input.readBooleans(length - 1); // BoundedInput checks the length first
    }
}
