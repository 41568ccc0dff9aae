package ipc.transport.linux.internal;

import static ipc.transport.linux.internal.ChannelTestSupport.RECEIVE_TIMEOUT_NANOS;
import static ipc.transport.linux.internal.ChannelTestSupport.assertFrame;
import static ipc.transport.linux.internal.ChannelTestSupport.channel;
import static ipc.transport.linux.internal.ChannelTestSupport.close;
import static ipc.transport.linux.internal.ChannelTestSupport.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ipc.api.spi.EndpointPair;
import ipc.api.spi.ReceivedMessage;
import ipc.api.spi.TransportHandle;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A frame sent as parts (the encoding buffer's bytes between arrays of the value, sent from where they are) arrives
 * as one frame, whole, in one buffer, inline or streamed, with or without handles; no part's position moves.
 */
@EnabledOnOs(OS.LINUX)
class PartsSendTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @ParameterizedTest(name = "{0} bytes, {1} handles")
    @CsvSource({"0, 0", "100, 0", "100, 2", "150000, 0", "150000, 3", "300000, 0", "300000, 1", "3145731, 0",
            "3145731, 2"})
    void partsArriveAsOneWholeFrame(int length, int handleCount) {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = channel();
            List<EndpointPair> carried = new ArrayList<>();
            List<TransportHandle> handles = new ArrayList<>();
            for (int i = 0; i < handleCount; i++) {
                EndpointPair extra = channel();
                carried.add(extra);
                handles.add(extra.sender());
            }
            try {
                ByteBuffer[] parts = split(frame(length, 5));
                int[] positions = new int[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    positions[i] = parts[i].position();
                }
                // From another thread, so that a streamed frame is read while it is written (not handed over).
                CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                    try {
                        pair.sender().send(parts, handles);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                ReceivedMessage message = pair.receiver().receive(RECEIVE_TIMEOUT_NANOS);
                assertNotNull(message, "a message within the timeout");
                try {
                    assertNull(message.tail(), "the recipient gets the frame in one buffer");
                    assertFrame(message.frame(), length, 5, "the parts, one after the other");
                    assertEquals(handleCount, message.handles().size(), "every handle");
                } finally {
                    message.closeHandles();
                    message.release();
                }
                sent.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
                for (int i = 0; i < parts.length; i++) {
                    assertEquals(positions[i], parts[i].position(), "part " + i + " did not move");
                }
            } finally {
                close(pair);
                carried.forEach(ChannelTestSupport::close);
            }
        });
    }

    /**
     * {@code frame} as parts of changing sizes and kinds: a small head, an empty part, heap slices at an offset in
     * their arrays, and a direct buffer.
     */
    private static ByteBuffer[] split(ByteBuffer frame) {
        List<ByteBuffer> parts = new ArrayList<>();
        int at = frame.position();
        int[] sizes = {11, 0, 70_000, 1, 0, 140_000};
        for (int i = 0; at < frame.limit() || i == 0; i++) {
            int size = Math.min(i < sizes.length ? sizes[i] : 1 << 20, frame.limit() - at);
            byte[] padded = new byte[size + 9];
            frame.get(at, padded, 4, size);
            ByteBuffer part = ByteBuffer.wrap(padded, 4, size);
            if (i == 3) {
                part = ByteBuffer.allocateDirect(size + 2).position(2);
                part.put(frame.duplicate().position(at).limit(at + size)).position(2);
            }
            parts.add(part);
            at += size;
        }
        parts.add(ByteBuffer.allocate(0));
        return parts.toArray(ByteBuffer[]::new);
    }
}
