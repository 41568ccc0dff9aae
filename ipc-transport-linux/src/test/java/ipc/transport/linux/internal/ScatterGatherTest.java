package ipc.transport.linux.internal;

import static ipc.transport.linux.internal.ChannelTestSupport.RECEIVE_TIMEOUT_NANOS;
import static ipc.transport.linux.internal.ChannelTestSupport.assertFrame;
import static ipc.transport.linux.internal.ChannelTestSupport.channel;
import static ipc.transport.linux.internal.ChannelTestSupport.close;
import static ipc.transport.linux.internal.ChannelTestSupport.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ipc.api.IpcException;
import ipc.api.spi.EndpointPair;
import ipc.api.spi.ReceivedMessage;
import ipc.api.spi.SenderEndpoint;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A payload in a direct buffer is gathered by the kernel from the sender's memory, and a receiver that offers a
 * direct buffer gets the payload of a plain message scattered into it past the head it names; every other message
 * (too short, too long for the buffer, with handles, streamed) is put back together and arrives as usual. A payload
 * in an array is sent from the array itself, inline or streamed.
 */
@EnabledOnOs(OS.LINUX)
class ScatterGatherTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final int HEAD = 9;
    private static final IntFunction<ByteBuffer> NO_TAILS = length -> {
        throw new AssertionError("no streamed message was sent, yet a buffer for " + length + " bytes was asked");
    };

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {HEAD + 1, 100, 4096, 65_536, 200_000})
    void aPlainMessageLandsInTheOfferedBufferPastItsHead(int length) {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = channel();
            try {
                ByteBuffer into = ByteBuffer.allocateDirect(length + 50).position(7);
                sendPlain(pair, frame(length, 3));
                ReceivedMessage message = receive(pair, NO_TAILS, into);
                try {
                    assertSame(into, message.tail(), "the payload after the head is in the offered buffer");
                    assertEquals(7, into.position(), "from the buffer's position");
                    assertEquals(HEAD, message.frame().remaining(), "the head stays in the frame");
                    ByteBuffer whole = ByteBuffer.allocate(length).put(message.frame().duplicate())
                            .put(message.tail().duplicate()).flip();
                    assertFrame(whole, length, 3, "head and scattered payload");
                } finally {
                    message.release();
                }
            } finally {
                close(pair);
            }
        });
    }

    @ParameterizedTest(name = "{0} bytes into a buffer of 64")
    @ValueSource(ints = {0, 5, HEAD, 64 + HEAD + 1, 150_000})
    void anyOtherPlainMessageArrivesAsUsual(int length) {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = channel();
            try {
                ByteBuffer into = ByteBuffer.allocateDirect(64);
                sendPlain(pair, frame(length, 4));
                ReceivedMessage message = receive(pair, NO_TAILS, into);
                try {
                    assertNull(message.tail(), "not scattered: too short for a payload past the head, or too long");
                    assertFrame(message.frame(), length, 4, "the whole payload in the frame");
                } finally {
                    message.release();
                }
                sendPlain(pair, frame(64 + HEAD, 5));
                ReceivedMessage next = receive(pair, NO_TAILS, into);
                try {
                    assertSame(into, next.tail(), "and the buffer still serves the next message that fits");
                } finally {
                    next.release();
                }
            } finally {
                close(pair);
            }
        });
    }

    @Test
    void aMessageWithHandlesIsPutBackTogether() {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = channel();
            EndpointPair carried = channel();
            try {
                ByteBuffer into = ByteBuffer.allocateDirect(4096);
                pair.sender().send(frame(3000, 6), List.of(carried.sender()));
                ReceivedMessage message = receive(pair, NO_TAILS, into);
                try {
                    assertNull(message.tail(), "a message with handles is not scattered");
                    assertFrame(message.whole(), 3000, 6, "its payload, whole");
                    assertEquals(1, message.handles().size(), "and its handle");
                } finally {
                    message.closeHandles();
                    message.release();
                }
            } finally {
                close(carried);
                close(pair);
            }
        });
    }

    @ParameterizedTest(name = "into a buffer of {0} bytes")
    @ValueSource(ints = {2 << 20, (2 << 20) - 1})
    void aStreamedMessageGoesToTheOfferedBufferIfItFitsElseToTheTails(int room) {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = channel();
            try {
                int length = 2 << 20; // larger than a ring's slot: streamed
                ByteBuffer tail = ByteBuffer.allocate(length);
                Thread sender = new Thread(() -> {
                    try {
                        pair.sender().send(frame(length, 7), List.of());
                    } catch (IpcException e) {
                        throw new IllegalStateException(e);
                    }
                });
                sender.start();
                ByteBuffer into = ByteBuffer.allocateDirect(room);
                ReceivedMessage message = receive(pair, asked -> tail, into);
                try {
                    assertSame(room >= length ? into : tail, message.whole(),
                            "the streamed payload goes where it fits: the offered buffer, else the tails");
                    assertFrame(message.whole(), length, 7, "the streamed payload, whole");
                } finally {
                    message.release();
                }
                sender.join(LIMIT.toMillis());
            } finally {
                close(pair);
            }
        });
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1, 600, 65_536, 200_000, 300_000})
    void aDirectPayloadIsGatheredFromTheSendersMemory(int length) {
        ByteBuffer payload = ByteBuffer.allocateDirect(length + 20);
        payload.position(11).put(frame(length, 8)).flip().position(11);
        assertArrivesWhole(sender -> sender.send(ByteBuffer.wrap(new byte[] {1, 2, 3}), payload), 3, length, 8);
        assertEquals(11, payload.position(), "the payload's position is unchanged");
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 600, 65_536, 212_900, 300_000})
    void anArrayPayloadIsSentWithoutABufferMadeForIt(int length) {
        byte[] payload = frame(length, 9).array();
        assertArrivesWhole(sender -> sender.send(ByteBuffer.wrap(new byte[] {1, 5}), payload), 2, length, 9);
    }

    @FunctionalInterface
    private interface Send {
        void send(SenderEndpoint sender) throws IpcException;
    }

    /**
     * Sends with {@code send} from another thread (a streamed payload needs a reader) and asserts that one message
     * arrives: a prefix of {@code prefixLength} bytes starting with 1, then {@code frame(length, seed)}.
     */
    private static void assertArrivesWhole(Send send, int prefixLength, int length, int seed) {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = channel();
            try {
                Thread sender = new Thread(() -> {
                    try {
                        send.send(pair.sender());
                    } catch (IpcException e) {
                        throw new IllegalStateException(e);
                    }
                });
                sender.start();
                ReceivedMessage message = pair.receiver().receive(RECEIVE_TIMEOUT_NANOS);
                assertNotNull(message, "a message within the timeout");
                try {
                    ByteBuffer whole = message.whole();
                    assertEquals(prefixLength + length, whole.remaining(), "prefix and payload, inline or streamed");
                    assertEquals(1, whole.get(whole.position()), "the prefix first");
                    assertFrame(whole.duplicate().position(whole.position() + prefixLength), length, seed,
                            "then the payload");
                } finally {
                    message.release();
                }
                sender.join(LIMIT.toMillis());
            } finally {
                close(pair);
            }
        });
    }

    /**
     * Sends {@code frame} as one plain datagram: the ordinary path, never the sender's ring (which a payload of 32 KiB
     * to 1 MiB would take; {@link RingTest} covers it).
     */
    private static void sendPlain(EndpointPair pair, ByteBuffer frame) throws IpcException {
        OutboundMessage.send(((LinuxSender) pair.sender()).fd(), null, frame, List.of());
    }

    private static ReceivedMessage receive(EndpointPair pair, IntFunction<ByteBuffer> tails, ByteBuffer into)
            throws IpcException {
        ReceivedMessage message = pair.receiver().receive(RECEIVE_TIMEOUT_NANOS, tails, into, HEAD);
        assertNotNull(message, "a message within the timeout");
        return message;
    }
}
