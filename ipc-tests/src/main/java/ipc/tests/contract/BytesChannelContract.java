package ipc.tests.contract;

import static ipc.tests.contract.Contracts.QUIET;
import static ipc.tests.contract.Contracts.TIMEOUT;
import static ipc.tests.contract.Contracts.receive;
import static ipc.tests.contract.Contracts.within;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcBytesSender;
import ipc.api.IpcDisconnectedException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Raw byte channels: Rust's {@code bytes}. */
public abstract class BytesChannelContract {

    @Test
    public void bytes() throws Exception {
        byte[] odd = {1, 2, 3, 4, 5, 6, 7}; // an odd length, to expose alignment mistakes
        try (IpcBytesChannel channel = Ipc.bytesChannel()) {
            channel.sender().send(odd);
            assertArrayEquals(odd, within("recv", channel.receiver()::recv), "Rust's bytes");
        }
    }

    @Test
    public void emptyMessage() throws Exception {
        try (IpcBytesChannel channel = Ipc.bytesChannel()) {
            channel.sender().send(new byte[0]);
            channel.sender().send(new byte[] {1});
            assertArrayEquals(new byte[0], receive(channel.receiver(), "empty"), "an empty message is a message");
            assertArrayEquals(new byte[] {1}, receive(channel.receiver(), "next"), "and the next one follows");
        }
    }

    @Test
    public void byteBufferSendsBetweenPositionAndLimitAndKeepsPosition() throws Exception {
        try (IpcBytesChannel channel = Ipc.bytesChannel()) {
            ByteBuffer buffer = ByteBuffer.wrap(new byte[] {0, 1, 2, 3, 4, 5});
            buffer.position(1).limit(4);
            channel.sender().send(buffer);
            assertArrayEquals(new byte[] {1, 2, 3}, receive(channel.receiver(), "slice"), "only position..limit");
            assertEquals(1, buffer.position(), "the buffer's position is unchanged");
            assertEquals(4, buffer.limit(), "the buffer's limit is unchanged");

            ByteBuffer direct = ByteBuffer.allocateDirect(3).put(new byte[] {7, 8, 9}).flip();
            channel.sender().send(direct);
            assertArrayEquals(new byte[] {7, 8, 9}, receive(channel.receiver(), "direct"), "a direct buffer too");
        }
    }

    @Test
    public void largeMessageArrivesWhole() throws Exception {
        byte[] large = new byte[8 * 1024 * 1024 + 3];
        new Random(42).nextBytes(large);
        try (IpcBytesChannel channel = Ipc.bytesChannel()) {
            CompletableFuture<Void> sent = Contracts.inBackground("large-bytes-sender",
                    () -> channel.sender().send(large));
            assertArrayEquals(large, receive(channel.receiver(), "8 MiB"), "an 8 MiB message, byte for byte");
            Contracts.awaitDone(sent, "sending 8 MiB");
        }
    }

    @Test
    public void recvIntoABufferReusesItWhenTheMessageFits() throws Exception {
        byte[] large = new byte[3 * 1024 * 1024 + 1];
        new Random(43).nextBytes(large);
        ByteBuffer heap = ByteBuffer.allocate(large.length + 10).position(5);
        ByteBuffer direct = ByteBuffer.allocateDirect(large.length);
        try (IpcBytesChannel channel = Ipc.bytesChannel()) {
            channel.sender().send(new byte[] {1, 2, 3});
            ByteBuffer small = within("recv into a buffer", () -> channel.receiver().recv(heap));
            assertSame(heap, small, "a small message lands in the given buffer");
            assertEquals(0, small.position(), "from position 0");
            assertArrayEquals(new byte[] {1, 2, 3}, bytes(small), "a small message, byte for byte");
            for (ByteBuffer buffer : new ByteBuffer[] {heap, direct}) {
                CompletableFuture<Void> sent = Contracts.inBackground("large-bytes-sender",
                        () -> channel.sender().send(large));
                ByteBuffer received = within("recv 3 MiB into a buffer", () -> channel.receiver().recv(buffer));
                Contracts.awaitDone(sent, "sending 3 MiB");
                assertSame(buffer, received, "a large message lands in the given buffer");
                assertArrayEquals(large, bytes(received), "3 MiB, byte for byte");
            }
            channel.sender().send(large);
            ByteBuffer tooSmall = ByteBuffer.allocate(16);
            ByteBuffer grown = within("recv into a small buffer", () -> channel.receiver().recv(tooSmall));
            assertNotSame(tooSmall, grown, "a message larger than the buffer arrives in a new one");
            assertArrayEquals(large, bytes(grown), "whole, byte for byte");
            channel.sender().send(new byte[40]);
            ByteBuffer grownSmall = within("recv 40 bytes", () -> channel.receiver().recv(tooSmall));
            assertEquals(40, grownSmall.remaining(), "a small message larger than the buffer too");
            assertThrows(java.nio.ReadOnlyBufferException.class,
                    () -> channel.receiver().recv(ByteBuffer.allocate(8).asReadOnlyBuffer()), "read-only buffer");
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    @Test
    public void tryRecvAndDisconnect() throws Exception {
        try (IpcBytesChannel channel = Ipc.bytesChannel()) {
            IpcBytesSender copy = channel.sender().duplicate();
            assertEquals(Optional.empty(), channel.receiver().tryRecv().map(ByteBuffer::wrap), "tryRecv when empty");
            assertEquals(Optional.empty(), channel.receiver().tryRecv(QUIET).map(ByteBuffer::wrap),
                    "tryRecv(timeout) when empty");
            copy.send(new byte[] {42});
            channel.sender().close();
            copy.close();
            assertArrayEquals(new byte[] {42}, receive(channel.receiver(), "last"), "queued before the disconnect");
            assertThrows(IpcDisconnectedException.class, channel.receiver()::tryRecv, "tryRecv after disconnect");
            assertThrows(IpcDisconnectedException.class, () -> channel.receiver().tryRecv(TIMEOUT),
                    "tryRecv(timeout) after disconnect");
            assertThrows(IpcDisconnectedException.class, () -> within("recv", channel.receiver()::recv),
                    "recv after disconnect");
        }
    }

    @Test
    public void nullIsRejected() throws Exception {
        try (IpcBytesChannel channel = Ipc.bytesChannel()) {
            assertThrows(NullPointerException.class, () -> channel.sender().send((byte[]) null), "send(byte[] null)");
            assertThrows(NullPointerException.class, () -> channel.sender().send((ByteBuffer) null),
                    "send(ByteBuffer null)");
            channel.sender().send(new byte[] {1});
            assertTrue(channel.receiver().tryRecv(TIMEOUT).isPresent(), "the channel is usable afterwards");
        }
    }
}
