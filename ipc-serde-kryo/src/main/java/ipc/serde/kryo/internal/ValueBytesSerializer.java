package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.DefaultArraySerializers;

/**
 * Kryo's {@code byte[]} serializer, same format, except that a large array goes to the message by reference
 * ({@link StreamingOutput#writeValueBytes}): the array is part of the value being sent, which stays unchanged
 * until the send returns, so the transport can copy it once, from where it is, instead of after a copy into the
 * message's buffer.
 *
 * <h2>Thread safety</h2>
 * Stateless after construction, like Kryo's.
 */
final class ValueBytesSerializer extends DefaultArraySerializers.ByteArraySerializer {

    @Override
    public void write(Kryo kryo, Output output, byte[] object) {
        if (object == null || !(output instanceof StreamingOutput streaming)) {
            super.write(kryo, output, object);
            return;
        }
        output.writeVarInt(object.length + 1, true);
        streaming.writeValueBytes(object, 0, object.length);
    }
}
