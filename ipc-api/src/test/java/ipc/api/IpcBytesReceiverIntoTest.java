package ipc.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ipc.api.spi.ReceivedMessage;
import ipc.api.spi.ReceiverEndpoint;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * {@link IpcBytesReceiver#recv(ByteBuffer)} against every shape a transport may deliver a message in when it was
 * offered the caller's buffer: the whole message read into that very buffer as the frame (a streamed message whose
 * sender put no bytes inline), its header in the frame and the rest in that buffer as the tail, or a frame of the
 * transport's own. The caller gets exactly the payload, from position 0, in its own buffer.
 */
class IpcBytesReceiverIntoTest {

    private static final byte[] PAYLOAD = payload(3000);

    /** How the fake transport delivers the message it was offered {@code into} for. */
    private enum Shape {
        /** Header and payload read into {@code into}, which is the frame; no tail. */
        ALL_IN_INTO,
        /** The header in a frame of its own, the payload in {@code into} as the tail. */
        HEADER_APART,
        /** Nothing inline: an empty frame, header and payload in {@code into} as the tail. */
        EMPTY_FRAME,
        /** Everything in a heap frame of the transport's own; {@code into} untouched. */
        OWN_FRAME
    }

    /** A receiving end with one queued message, delivered in {@code shape}. */
    private static final class OneMessage implements ReceiverEndpoint {
        private final Shape shape;
        private boolean open = true;

        OneMessage(Shape shape) {
            this.shape = shape;
        }

        @Override
        public ReceivedMessage receive(long timeoutNanos) {
            return receive(timeoutNanos, ByteBuffer::allocate, ByteBuffer.allocate(0), 0);
        }

        @Override
        public ReceivedMessage receive(long timeoutNanos, IntFunction<ByteBuffer> tails, ByteBuffer into,
                int headLength) {
            byte[] header = IpcBytesSender.header();
            int length = header.length + PAYLOAD.length;
            switch (shape) {
                case ALL_IN_INTO: {
                    ByteBuffer target = length <= into.remaining() ? into : tails.apply(length);
                    int start = target.position();
                    target.put(header).put(PAYLOAD).flip().position(start);
                    return new ReceivedMessage(target, List.of());
                }
                case HEADER_APART: {
                    ByteBuffer target = PAYLOAD.length <= into.remaining() ? into : tails.apply(PAYLOAD.length);
                    int start = target.position();
                    target.put(PAYLOAD).flip().position(start);
                    return ReceivedMessage.withTail(ByteBuffer.wrap(header), target, List.of());
                }
                case EMPTY_FRAME: {
                    ByteBuffer target = length <= into.remaining() ? into : tails.apply(length);
                    int start = target.position();
                    target.put(header).put(PAYLOAD).flip().position(start);
                    return ReceivedMessage.withTail(ByteBuffer.allocate(0), target, List.of());
                }
                default:
                    return new ReceivedMessage(ByteBuffer.allocate(length).put(header).put(PAYLOAD).flip(),
                            List.of());
            }
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }

    @Test
    void theWholeMessageReadIntoTheCallersBuffer() throws Exception {
        checkHeapAndDirect(Shape.ALL_IN_INTO);
    }

    @Test
    void theHeaderApartAndThePayloadInTheCallersBuffer() throws Exception {
        checkHeapAndDirect(Shape.HEADER_APART);
    }

    @Test
    void anEmptyFrameAndEverythingInTheCallersBuffer() throws Exception {
        checkHeapAndDirect(Shape.EMPTY_FRAME);
    }

    @Test
    void aFrameOfTheTransportsOwnIsCopiedIntoTheCallersBuffer() throws Exception {
        check(Shape.OWN_FRAME, ByteBuffer.allocate(8192));
    }

    @Test
    void aBufferTooSmallGetsANewOne() throws Exception {
        for (Shape shape : Shape.values()) {
            ByteBuffer small = ByteBuffer.allocate(16);
            ByteBuffer received;
            try (IpcBytesReceiver receiver = new IpcBytesReceiver(new HandleCore(new OneMessage(shape)))) {
                received = receiver.recv(small);
            }
            assertEquals(PAYLOAD.length, received.remaining(), shape + ": the payload's length");
            assertArrayEquals(PAYLOAD, bytes(received), shape + ": the payload");
        }
    }

    private static void checkHeapAndDirect(Shape shape) throws Exception {
        check(shape, ByteBuffer.allocate(8192));
        check(shape, ByteBuffer.allocateDirect(8192));
    }

    private static void check(Shape shape, ByteBuffer buffer) throws Exception {
        buffer.position(100).limit(200); // recv clears it first
        ByteBuffer received;
        try (IpcBytesReceiver receiver = new IpcBytesReceiver(new HandleCore(new OneMessage(shape)))) {
            received = receiver.recv(buffer);
        }
        assertSame(buffer, received, shape + ": the caller's buffer is returned");
        assertEquals(0, received.position(), shape + ": from position 0");
        assertEquals(PAYLOAD.length, received.limit(), shape + ": exactly the payload");
        assertArrayEquals(PAYLOAD, bytes(received), shape + ": the payload");
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static byte[] payload(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }
}
