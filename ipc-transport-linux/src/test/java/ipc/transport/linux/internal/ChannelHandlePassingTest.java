package ipc.transport.linux.internal;

import static ipc.transport.linux.internal.ChannelTestSupport.assertFrame;
import static ipc.transport.linux.internal.ChannelTestSupport.frame;
import static ipc.transport.linux.internal.ChannelTestSupport.receive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcLimits;
import ipc.api.spi.EndpointPair;
import ipc.api.spi.ReceivedMessage;
import ipc.api.spi.ReceiverEndpoint;
import ipc.api.spi.SenderEndpoint;
import ipc.api.spi.TransportHandle;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Handles inside messages: channel ends and shared memory arrive working, in order, any number of them. */
@EnabledOnOs(OS.LINUX)
class ChannelHandlePassingTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void sentSenderAndReceiverEndsWork() {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair carrier = Channels.pair();
            EndpointPair inner = Channels.pair();
            try {
                carrier.sender().send(frame(5, 5), List.of(inner.sender(), inner.receiver()));
                ReceivedMessage message = receive(carrier.receiver());
                assertFrame(message.frame(), 5, 5, "frame carrying handles");
                assertEquals(2, message.handles().size(), "both handles arrive");
                SenderEndpoint sender = assertInstanceOf(SenderEndpoint.class, message.handles().get(0), "first");
                ReceiverEndpoint receiver = assertInstanceOf(ReceiverEndpoint.class, message.handles().get(1),
                        "second");
                sender.send(frame(9, 1), List.of());
                assertFrame(receive(inner.receiver()).frame(), 9, 1, "received sender reaches the original receiver");
                inner.sender().send(frame(9, 2), List.of());
                assertFrame(receive(receiver).frame(), 9, 2, "received receiver gets the original sender's frame");
                assertTrue(inner.sender().isOpen(), "sending a handle does not consume it");
                message.closeHandles();
            } finally {
                ChannelTestSupport.close(carrier);
                ChannelTestSupport.close(inner);
            }
        });
    }

    @Test
    void sharedMemoryTravelsWithALargePayload() {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair carrier = Channels.pair();
            LinuxSharedMemory region = LinuxSharedMemory.create(4096, buffer -> buffer.put(0, (byte) 77));
            try {
                int length = OutboundMessage.maxInlinePayload(1) + 1;
                carrier.sender().send(frame(length, 3), List.of(region));
                ReceivedMessage message = receive(carrier.receiver());
                assertFrame(message.frame(), length, 3, "large payload next to a handle");
                LinuxSharedMemory received = assertInstanceOf(LinuxSharedMemory.class, message.handles().get(0),
                        "the region");
                assertEquals(4096, received.length(), "region length");
                assertEquals(77, received.buffer().get(0), "region content");
                message.closeHandles();
            } finally {
                region.close();
                ChannelTestSupport.close(carrier);
            }
        });
    }

    /** 253 is the kernel's limit per datagram; more go through the overflow socket pair. */
    @ParameterizedTest(name = "{0} handles")
    @ValueSource(ints = {252, 253, 254, 300, 1000})
    void manyHandlesInOneMessageArriveInOrderAndWork(int count) {
        assertTimeoutPreemptively(LIMIT, () -> {
            int fdsBefore = ChannelTestSupport.openFds();
            EndpointPair carrier = Channels.pair();
            List<EndpointPair> channels = new ArrayList<>();
            try {
                List<TransportHandle> senders = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    EndpointPair channel = Channels.pair();
                    channels.add(channel);
                    senders.add(channel.sender());
                }
                carrier.sender().send(frame(1, 1), senders);
                ReceivedMessage message = receive(carrier.receiver());
                assertEquals(count, message.handles().size(), "every handle arrives");
                for (int i = 0; i < count; i++) {
                    SenderEndpoint sender = (SenderEndpoint) message.handles().get(i);
                    sender.send(ByteBuffer.allocate(4).putInt(0, i), List.of());
                    int got = receive(channels.get(i).receiver()).frame().getInt();
                    assertEquals(i, got, "received handle " + i + " is a sender of channel " + i);
                }
                message.closeHandles();
            } finally {
                channels.forEach(ChannelTestSupport::close);
                ChannelTestSupport.close(carrier);
            }
            ChannelTestSupport.assertNoFdLeak(fdsBefore, "no descriptor left open (overflow pair closed)");
        });
    }

    @Test
    void tooManyHandlesOrClosedHandlesAreRefusedAndTheChannelStaysUsable() {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair carrier = Channels.pair();
            EndpointPair inner = Channels.pair();
            try {
                List<TransportHandle> tooMany = Collections.nCopies(HandleOverflow.MAX_HANDLES + 1, inner.sender());
                assertThrows(IllegalArgumentException.class, () -> carrier.sender().send(frame(1, 1), tooMany),
                        "more handles than a message may carry");
                List<TransportHandle> most = Collections.nCopies(HandleOverflow.MAX_HANDLES, inner.sender());
                carrier.sender().send(frame(1, 1), most);
                IpcLimits limits = IpcLimits.set(IpcLimits.current().withMaxHandlesPerMessage(HandleOverflow.MAX_HANDLES));
                ReceivedMessage message;
                try {
                    message = receive(carrier.receiver());
                } finally {
                    IpcLimits.set(limits);
                }
                assertEquals(HandleOverflow.MAX_HANDLES, message.handles().size(), "the maximum arrives");
                message.closeHandles();
                EndpointPair closed = Channels.pair();
                ChannelTestSupport.close(closed);
                assertThrows(IllegalArgumentException.class,
                        () -> carrier.sender().send(frame(1, 1), List.of(closed.receiver())), "a closed handle");
                carrier.sender().send(frame(2, 2), List.of());
                assertFrame(receive(carrier.receiver()).frame(), 2, 2, "the channel still works");
            } finally {
                ChannelTestSupport.close(carrier);
                ChannelTestSupport.close(inner);
            }
        });
    }

    @Test
    void aClosedSenderRefusesToSend() {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = Channels.pair();
            pair.sender().close();
            assertThrows(IllegalStateException.class, () -> pair.sender().send(frame(1, 1), List.of()),
                    "send on a closed sender");
            assertThrows(IllegalStateException.class, () -> pair.sender().duplicate(), "duplicate of a closed sender");
            pair.receiver().close();
        });
    }
}
