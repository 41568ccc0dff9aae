package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * A record component or field of a primitive type: written in place with Kryo's encoding (variable-length
 * {@code int} and {@code long}), no null marker.
 *
 * <h2>Thread safety</h2>
 * Immutable and thread-safe.
 */
final class PrimitivePosition extends Position {

    private final Class<?> type;

    PrimitivePosition(Class<?> type) {
        this.type = type;
    }

    @Override
    void write(Kryo kryo, Output output, Object value) {
        if (type == int.class) {
            output.writeVarInt((Integer) value, false);
        } else if (type == long.class) {
            output.writeVarLong((Long) value, false);
        } else if (type == boolean.class) {
            output.writeBoolean((Boolean) value);
        } else if (type == double.class) {
            output.writeDouble((Double) value);
        } else if (type == float.class) {
            output.writeFloat((Float) value);
        } else if (type == byte.class) {
            output.writeByte((Byte) value);
        } else if (type == short.class) {
            output.writeShort((Short) value);
        } else {
            output.writeChar((Character) value);
        }
    }

    @Override
    Object read(Kryo kryo, Input input) {
        if (type == int.class) {
            return input.readVarInt(false);
        } else if (type == long.class) {
            return input.readVarLong(false);
        } else if (type == boolean.class) {
            return input.readBoolean();
        } else if (type == double.class) {
            return input.readDouble();
        } else if (type == float.class) {
            return input.readFloat();
        } else if (type == byte.class) {
            return input.readByte();
        } else if (type == short.class) {
            return input.readShort();
        }
        return input.readChar();
    }

    @Override
    String describe() {
        return type.getName();
    }
}
