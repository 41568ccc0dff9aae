package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * A position whose declared type fixes how the value is written: Kryo's null marker, then the value by a serializer
 * of the walk (records, collections, handles...) or, when {@code serializer} is null, by the serializer the current
 * Kryo registered for the class (JDK values, enums, the application's own serializers).
 *
 * <h2>Thread safety</h2>
 * Immutable and thread-safe.
 */
final class DirectPosition extends Position {

    private final Class<?> type;
    private final String declared;
    private final Serializer<Object> serializer;

    /**
     * @param type the declared class, boxed
     * @param declared the declared type's text
     * @param serializer the walk's serializer, or null to use the registered one
     */
    DirectPosition(Class<?> type, String declared, Serializer<Object> serializer) {
        this.type = type;
        this.declared = declared;
        this.serializer = serializer;
    }

    @Override
    void write(Kryo kryo, Output output, Object value) {
        if (value != null && !type.isInstance(value)) {
            throw new KryoException("Expected a " + declared + ", got a " + value.getClass().getName());
        }
        if (serializer != null) {
            kryo.writeObjectOrNull(output, value, serializer);
        } else {
            kryo.writeObjectOrNull(output, value, type);
        }
    }

    @Override
    Object read(Kryo kryo, Input input) {
        return serializer != null ? kryo.readObjectOrNull(input, type, serializer) : kryo.readObjectOrNull(input, type);
    }

    @Override
    String describe() {
        return declared;
    }
}
