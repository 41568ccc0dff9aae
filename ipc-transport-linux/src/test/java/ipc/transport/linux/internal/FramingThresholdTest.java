package ipc.transport.linux.internal;

import static ipc.transport.linux.internal.ChannelTestSupport.assertFrame;
import static ipc.transport.linux.internal.ChannelTestSupport.frame;
import static ipc.transport.linux.internal.ChannelTestSupport.receive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ipc.api.spi.EndpointPair;
import ipc.api.spi.ReceivedMessage;
import ipc.api.spi.TransportHandle;
import java.time.Duration;
import java.util.List;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Frames at the datagram threshold: the wire format chosen, and the frames intact either way. */
@EnabledOnOs(OS.LINUX)
class FramingThresholdTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @ParameterizedTest(name = "{0} handles, max inline {1}")
    @CsvSource({"0, 0, false", "0, 1, true", "0, -1, false", "1, 0, false", "1, 1, true", "3, 0, false"})
    void payloadAtOrBelowTheThresholdIsInlineAndAboveIsStreamed(int handleCount, int beyond, boolean streamed) {
        assertTimeoutPreemptively(LIMIT, () -> {
            int length = OutboundMessage.maxInlinePayload(handleCount) + beyond;
            EndpointPair pair = Channels.pair();
            EndpointPair carried = Channels.pair();
            NativeMessage block = NativeMessage.take();
            try {
                List<TransportHandle> handles = java.util.Collections.nCopies(handleCount, carried.sender());
                // The ordinary path: without handles, a payload of this size would otherwise take the ring.
                OutboundMessage.send(((LinuxSender) pair.sender()).fd(), null, new ByteBuffer[] {frame(length, 7)},
                        handles);
                long datagram = block.receiveFrom(((LinuxReceiver) pair.receiver()).fd(), 0);
                int[] fds = block.receivedFds();
                Descriptors.closeAll(fds);
                ByteBuffer data = block.dataBuffer();
                assertEquals(WireHeader.MAGIC, data.getInt(WireHeader.MAGIC_OFFSET), "magic");
                short flags = data.getShort(WireHeader.FLAGS_OFFSET);
                assertEquals(streamed, (flags & WireHeader.FLAG_PAYLOAD_STREAMED) != 0,
                        "payload of " + length + " bytes is streamed");
                assertEquals(handleCount + (streamed ? 2 : 0), fds.length,
                        "descriptors: handles plus the stream's end and its memfd");
                assertEquals(length, data.getLong(WireHeader.PAYLOAD_LENGTH_OFFSET), "declared payload length");
                long expected = WireHeader.SIZE + handleCount + (streamed ? 0 : length);
                assertEquals(expected, datagram, "datagram length");
            } finally {
                block.give();
                ChannelTestSupport.close(pair);
                ChannelTestSupport.close(carried);
            }
        });
    }

    @ParameterizedTest(name = "max inline {0}")
    @CsvSource({"-1", "0", "1", "2", "4096"})
    void framesAroundTheThresholdArriveIntact(int beyond) {
        assertTimeoutPreemptively(LIMIT, () -> {
            int length = OutboundMessage.maxInlinePayload(0) + beyond;
            EndpointPair pair = Channels.pair();
            try {
                // One datagram of the largest size fills the socket buffer: receive it before sending the next.
                // The ordinary path: a payload of this size would otherwise take the ring.
                OutboundMessage.send(((LinuxSender) pair.sender()).fd(), null, frame(length, beyond), List.of());
                ReceivedMessage big = receive(pair.receiver());
                assertFrame(big.frame(), length, beyond, "frame of max inline " + (beyond >= 0 ? "+" : "") + beyond);
                pair.sender().send(frame(3, 1), List.of());
                assertFrame(receive(pair.receiver()).frame(), 3, 1, "the small frame after it");
            } finally {
                ChannelTestSupport.close(pair);
            }
        });
    }
}
