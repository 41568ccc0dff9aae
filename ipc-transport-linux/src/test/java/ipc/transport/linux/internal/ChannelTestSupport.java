package ipc.transport.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ipc.api.IpcException;
import ipc.api.spi.EndpointPair;
import ipc.api.spi.ReceivedMessage;
import ipc.api.spi.ReceiverEndpoint;
import ipc.api.spi.SenderEndpoint;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Helpers shared by the channel tests: frames, bounded receives, descriptor counts. */
final class ChannelTestSupport {

    /** How long any single receive in a test may wait before the test fails. */
    static final long RECEIVE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(20);

    private ChannelTestSupport() {}

    /** A heap frame of {@code length} bytes with a recognisable pattern derived from {@code seed}. */
    static ByteBuffer frame(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i * 7 + (i >>> 11));
        }
        return ByteBuffer.wrap(bytes);
    }

    /** Asserts that {@code frame} is exactly {@code frame(length, seed)}. */
    static void assertFrame(ByteBuffer frame, int length, int seed, String what) {
        assertEquals(length, frame.remaining(), what + ": frame length");
        ByteBuffer expected = frame(length, seed);
        int mismatch = expected.mismatch(frame);
        assertEquals(-1, mismatch, what + ": first differing byte");
    }

    /** A frame of {@code length} (at least 4) bytes whose first int is {@code seed}, followed by its pattern. */
    static ByteBuffer taggedFrame(int length, int seed) {
        ByteBuffer frame = frame(length, seed);
        frame.putInt(0, seed);
        return frame;
    }

    /**
     * Asserts that {@code frame} is a whole {@link #taggedFrame} of {@code length} bytes and returns its seed.
     */
    static int assertTagged(ByteBuffer frame, int length, String what) {
        assertEquals(length, frame.remaining(), what + ": frame length");
        int seed = frame.getInt(frame.position());
        ByteBuffer expected = taggedFrame(length, seed);
        assertEquals(-1, expected.mismatch(frame), what + " (seed " + seed + "): first byte that differs from the "
                + "sender's frame (another message interleaved?)");
        return seed;
    }

    /** Receives one message, failing if none arrives within {@link #RECEIVE_TIMEOUT_NANOS}. */
    static ReceivedMessage receive(ReceiverEndpoint receiver) throws IpcException {
        ReceivedMessage message = receiver.receive(RECEIVE_TIMEOUT_NANOS);
        assertNotNull(message, "a message should arrive within " + RECEIVE_TIMEOUT_NANOS + " ns");
        return message.detached(); // a heap copy the test may keep; the transport's memory is released

    }

    /** Asserts that a message arrived, and gives its frame back to the transport (closing its handles). */
    static void drop(ReceivedMessage message, String what) {
        assertNotNull(message, what);
        message.closeHandles();
        message.release();
    }

    /** Sends a frame without handles. */
    static void send(SenderEndpoint sender, ByteBuffer frame) throws IpcException {
        sender.send(frame, List.of());
    }

    /** A new channel. */
    static EndpointPair channel() throws IpcException {
        return Channels.pair();
    }

    /** Closes both ends. */
    static void close(EndpointPair pair) {
        pair.sender().close();
        pair.receiver().close();
    }

    /**
     * The number of descriptors of the kinds a transport creates (sockets, pipes, memfds, eventfds) this process
     * has open now. Other descriptors (jar files the JVM opens and closes) are not counted: they would make the
     * count drift for reasons unrelated to the code under test.
     */
    static int openFds() {
        return ipcFds().size();
    }

    /** The descriptors {@link #openFds()} counts, with what they refer to, for failure messages. */
    static List<String> ipcFds() {
        String[] entries = new File("/proc/self/fd").list();
        assertNotNull(entries, "/proc/self/fd must be readable");
        List<String> found = new ArrayList<>();
        for (String entry : entries) {
            try {
                String target = Files.readSymbolicLink(Path.of("/proc/self/fd", entry)).toString();
                if (target.startsWith("socket:") || target.startsWith("pipe:") || target.startsWith("/memfd:")
                        || target.equals("anon_inode:[eventfd]")) {
                    found.add(entry + " -> " + target);
                }
            } catch (IOException gone) {
                // the listing's own descriptor, closed by now
            }
        }
        return found;
    }

    /** Asserts that the count of {@link #openFds()} is back to {@code before}. */
    static void assertNoFdLeak(int before, String what) {
        List<String> now = ipcFds();
        assertEquals(before, now.size(), what + ": descriptors open now: " + now);
    }
}
