package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.reflect.Type;

/**
 * An ipc-channel handle: its index in the message's handle table. Read back by asking the table for the handle as
 * the full type declared where it appears ({@code IpcSender<List<Point>>}, not just {@code IpcSender}), so a
 * decoded typed handle encodes and decodes its own messages as that type. The same handle reachable twice gets
 * one index, and so arrives as one handle.
 *
 * <h2>Thread safety</h2>
 * Immutable and thread-safe; the handle table comes with the Kryo of each call.
 */
final class HandleValueSerializer extends Serializer<Object> {

    private final Type declared;

    HandleValueSerializer(Type declared) {
        this.declared = declared;
    }

    @Override
    public void write(Kryo kryo, Output output, Object handle) {
        output.writeVarInt(MessageKryo.of(kryo).handleIndex(handle), true);
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> type) {
        return MessageKryo.of(kryo).handle(input.readVarInt(true), declared);
    }
}
