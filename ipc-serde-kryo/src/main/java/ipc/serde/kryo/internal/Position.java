package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * How a value is written where a given type is declared (a record component, a list element, the message itself):
 * in place when the declared type fixes the class, or class ID first when it does not.
 *
 * <h2>Thread safety</h2>
 * Implementations are immutable (or cache thread-safely) and shared by every pooled Kryo.
 */
abstract class Position {

    /**
     * Writes {@code value}, which may be null unless the position is primitive.
     *
     * @throws com.esotericsoftware.kryo.KryoException if the value does not fit the position
     */
    abstract void write(Kryo kryo, Output output, Object value);

    /**
     * Reads a value written by {@link #write}.
     *
     * @throws com.esotericsoftware.kryo.KryoException if the bytes are not one
     */
    abstract Object read(Kryo kryo, Input input);

    /** The declared type, for messages. */
    abstract String describe();
}
