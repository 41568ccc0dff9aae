package ipc.serde.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.MessageCodec;
import ipc.serde.jackson.Messages.Point;
import ipc.serde.testsupport.FakeContexts;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The codec reads exactly the bytes between position and limit, whatever kind of buffer holds them. */
class CodecBufferTest {

    private static final int PADDING = 5;
    private static final byte JUNK = (byte) 0xFF;

    private final MessageCodec<Point> codec = new JacksonSerializer().codec(TypeRef.of(Point.class));
    private final byte[] payload = encode(new Point(10, 20));

    private byte[] encode(Point point) {
        FakeContexts.Encoding encoding = new FakeContexts.Encoding();
        try {
            codec.encode(point, encoding);
        } catch (IpcSerializationException e) {
            throw new AssertionError("encoding a plain record", e);
        }
        return encoding.payload();
    }

    /** The payload between junk, in a slice whose array offset is not zero. */
    private ByteBuffer paddedSlice() {
        byte[] framed = new byte[PADDING + payload.length + PADDING];
        Arrays.fill(framed, JUNK);
        System.arraycopy(payload, 0, framed, PADDING, payload.length);
        ByteBuffer whole = ByteBuffer.wrap(framed);
        whole.position(1);
        ByteBuffer slice = whole.slice();
        slice.position(PADDING - 1).limit(PADDING - 1 + payload.length);
        return slice;
    }

    @Test
    void arrayBackedSliceWithOffset() throws Exception {
        ByteBuffer data = paddedSlice();
        int position = data.position();
        assertEquals(new Point(10, 20), codec.decode(data, FakeContexts.Decoding.empty()),
                "decoded from position to limit of a slice with an array offset");
        assertEquals(position, data.position(), "the buffer's position is left alone");
    }

    @Test
    void readOnlyBufferWithoutAccessibleArray() throws Exception {
        ByteBuffer data = paddedSlice().asReadOnlyBuffer();
        assertFalse(data.hasArray(), "a read-only buffer hides its array");
        assertEquals(new Point(10, 20), codec.decode(data, FakeContexts.Decoding.empty()),
                "decoded from a read-only buffer");
    }

    @Test
    void directBuffer() throws Exception {
        ByteBuffer data = ByteBuffer.allocateDirect(payload.length + PADDING);
        data.put(payload).put(JUNK).flip();
        data.limit(payload.length);
        assertEquals(new Point(10, 20), codec.decode(data, FakeContexts.Decoding.empty()),
                "decoded from a direct buffer, stopping at its limit");
    }

    @Test
    void trailingBytesAreRejected() {
        ByteBuffer data = paddedSlice();
        data.limit(data.limit() + 1);
        IpcSerializationException e = assertThrows(IpcSerializationException.class,
                () -> codec.decode(data, FakeContexts.Decoding.empty()), "a value followed by one more byte");
        assertTrue(e.getMessage().contains("jackson") && e.getMessage().contains(Point.class.getName()),
                "the message names the serializer and the type: " + e.getMessage());
    }
}
