package ipc.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-thread encoding buffer and the spare array behind it. The spare is held softly; these tests allocate a few
 * MiB, far from the memory pressure at which a collector clears soft references.
 */
class FrameBufferTest {

    private static final byte[] HEADER = {'h', 'd'};

    @Test
    void aLargeMessageReusesTheArrayOfThePreviousOneAndAHeldBufferIsNotPinned() {
        byte[] first = pattern(3 << 20, 1);
        FrameBuffer buffer = FrameBuffer.acquire(HEADER);
        buffer.write(first, 0, first.length);
        byte[] largeArray = buffer.contents().array();
        assertContents(buffer, first);
        buffer.release();

        byte[] second = pattern((2 << 20) + 5, 2);
        FrameBuffer again = FrameBuffer.acquire(HEADER);
        assertSame(buffer, again, "one buffer per thread");
        assertTrue(again.contents().capacity() <= FrameBuffer.KEEP_LIMIT,
                "between large messages the thread's buffer holds at most the kept size");
        again.write(second, 0, 1000);
        again.write(second, 1000, second.length - 1000);
        assertSame(largeArray, again.contents().array(), "the next large message is encoded into the same array");
        assertContents(again, second);
        again.release();
    }

    @Test
    void aBufferTakenWhileTheThreadsIsInUseKeepsNothing() {
        FrameBuffer outer = FrameBuffer.acquire(HEADER);
        try {
            FrameBuffer inner = FrameBuffer.acquire(HEADER);
            assertNotSame(outer, inner, "a message encoded while another one is");
            byte[] large = pattern(2 << 20, 3);
            inner.write(large, 0, large.length);
            assertContents(inner, large);
            inner.release();
        } finally {
            outer.release();
        }
    }

    @Test
    void spareArrayLendsBackOnlyWhatItLent() {
        SpareArray spare = new SpareArray();
        byte[] lent = spare.lend(1000);
        assertEquals(1000, lent.length, "nothing kept yet: a new array of the length asked for");
        spare.giveBack(new byte[4000]);
        assertNotSame(lent, spare.lend(10), "an array it did not lend is not kept");
        byte[] second = spare.lend(2000);
        spare.giveBack(second);
        assertSame(second, spare.lend(1500), "the array given back is lent again for a length it holds");
        assertNull(spare.take(1), "and is then the borrower's alone");
        spare.give(new byte[100]);
        assertEquals(200, spare.lend(200).length, "a kept array too small is dropped for a new one");
    }

    /**
     * Large runs of a value's bytes are referred to, in place, between the buffer's own bytes; short ones, and those
     * past the most a message refers to, are copied. Released, the buffer lets go of the arrays it referred to.
     */
    @Test
    void largeValueBytesAreReferredToInOrderAndForgottenOnRelease() {
        FrameBuffer buffer = FrameBuffer.acquire(HEADER);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(HEADER);
        List<byte[]> referred = new ArrayList<>();
        byte[] small = pattern(FrameBuffer.REFERENCE_MIN - 1, 1);
        buffer.writeValueBytes(small, 0, small.length);
        expected.writeBytes(small);
        assertFalse(buffer.hasRuns(), "a run shorter than the minimum is copied");
        for (int i = 0; i < FrameBuffer.MAX_REFERENCES + 2; i++) {
            buffer.write(i);
            expected.write(i);
            byte[] run = pattern(FrameBuffer.REFERENCE_MIN + i, i + 7);
            buffer.writeValueBytes(run, i, run.length - i);
            expected.write(run, i, run.length - i);
            referred.add(run);
        }
        buffer.write(HEADER, 0, HEADER.length);
        expected.writeBytes(HEADER);
        assertTrue(buffer.hasRuns(), "large runs are referred to");
        assertThrows(IllegalStateException.class, buffer::contents, "a frame with runs is only sent as parts");

        ByteBuffer[] parts = buffer.parts();
        assertEquals(2 * FrameBuffer.MAX_REFERENCES + 1, parts.length, "runs past the most referred to are copied");
        for (int i = 0; i < FrameBuffer.MAX_REFERENCES; i++) {
            assertSame(referred.get(i), parts[2 * i + 1].array(), "run " + i + " is the caller's own array");
        }
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        for (ByteBuffer part : parts) {
            byte[] bytes = new byte[part.remaining()];
            part.duplicate().get(bytes);
            sent.writeBytes(bytes);
        }
        assertArrayEquals(expected.toByteArray(), sent.toByteArray(), "the parts, in order, are the message");

        buffer.release();
        FrameBuffer again = FrameBuffer.acquire(HEADER);
        assertFalse(again.hasRuns(), "a released buffer refers to nothing");
        assertEquals(HEADER.length, again.contents().remaining(), "and holds the new header only");
        again.release();
    }

    @Test
    void valueBytesOutsideTheirArrayAreRefused() {
        FrameBuffer buffer = FrameBuffer.acquire(HEADER);
        try {
            byte[] run = new byte[FrameBuffer.REFERENCE_MIN];
            assertThrows(IndexOutOfBoundsException.class, () -> buffer.writeValueBytes(run, 1, run.length));
            assertThrows(IndexOutOfBoundsException.class, () -> buffer.writeValueBytes(run, -1, 10));
            assertFalse(buffer.hasRuns(), "nothing was referred to");
        } finally {
            buffer.release();
        }
    }

    private static byte[] pattern(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + seed);
        }
        return bytes;
    }

    private static void assertContents(FrameBuffer buffer, byte[] payload) {
        ByteBuffer contents = buffer.contents();
        assertEquals(HEADER.length + payload.length, contents.remaining(), "header and payload");
        byte[] all = new byte[contents.remaining()];
        contents.duplicate().get(all);
        assertArrayEquals(HEADER, Arrays.copyOf(all, HEADER.length), "the header first");
        assertArrayEquals(payload, Arrays.copyOfRange(all, HEADER.length, all.length), "then the payload");
    }
}
