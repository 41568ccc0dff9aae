package ipc.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A received message in one part or two (a frame and a tail), and lent frames released once. */
class ReceivedMessageTest {

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    @Test
    void aMessageWithATailIsTheFrameFollowedByTheTail() {
        ByteBuffer tail = ByteBuffer.wrap(new byte[] {0, 4, 5, 6}).position(1);
        ReceivedMessage message = ReceivedMessage.withTail(ByteBuffer.wrap(new byte[] {1, 2, 3}), tail, List.of());
        assertEquals(6, message.length(), "length counts both parts");
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, bytes(message.whole()), "whole joins both parts");
        assertSame(tail, message.tail(), "the tail is the transport's buffer, not a copy");
        assertEquals(1, tail.position(), "joining does not move the tail");
    }

    @Test
    void aTailAfterAnEmptyFrameIsWholeWithoutACopy() {
        ByteBuffer tail = ByteBuffer.wrap(new byte[] {7, 8});
        ReceivedMessage message = ReceivedMessage.withTail(ByteBuffer.allocate(0), tail, List.of());
        assertSame(tail, message.whole(), "the tail itself");
    }

    @Test
    void aMessageWithoutATailIsItsFrame() {
        ByteBuffer frame = ByteBuffer.wrap(new byte[] {1, 2});
        ReceivedMessage message = new ReceivedMessage(frame, List.of());
        assertNull(message.tail(), "no tail");
        assertSame(frame, message.whole(), "whole is the frame itself");
        assertEquals(2, message.length(), "length");
    }

    @Test
    void detachingALentFrameCopiesItReleasesItOnceAndKeepsTheTail() {
        AtomicInteger releases = new AtomicInteger();
        ByteBuffer lent = ByteBuffer.allocateDirect(2).put(0, (byte) 1).put(1, (byte) 2);
        ByteBuffer tail = ByteBuffer.wrap(new byte[] {3});
        ReceivedMessage message = new ReceivedMessage(lent, List.of(), releases::incrementAndGet, tail);
        ReceivedMessage kept = message.detached();
        assertEquals(1, releases.get(), "the lent frame was released");
        assertArrayEquals(new byte[] {1, 2, 3}, bytes(kept.whole()), "the kept copy holds every byte");
        kept.release();
        assertEquals(1, releases.get(), "the detached copy releases nothing");
    }

    @Test
    void aTailIsRequiredWhereOneIsDeclared() {
        assertThrows(NullPointerException.class, () -> ReceivedMessage.withTail(ByteBuffer.allocate(0), null,
                List.of()));
    }
}
