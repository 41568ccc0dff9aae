package ipc.tests.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcReceiver;
import ipc.api.TypeRef;
import ipc.api.spi.IpcSerializer;
import ipc.tests.serde.model.Blob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A serializer that hands a large {@code byte[]} of the value to the message as it is
 * ({@link ipc.api.spi.EncodeContext#writeValueBytes}), the transport copying it from there: what arrives is the
 * array as it was when {@code send} was called, even if it changes once {@code send} returned, and a message with
 * more large arrays than it refers to (the rest are copied) arrives whole. For serializers that can write the
 * {@link Blob} record.
 */
public abstract class ValueBytesKit {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final IpcSerializer serializer;

    /**
     * Binds the kit to a serializer.
     *
     * @param serializer the serializer under test
     */
    protected ValueBytesKit(IpcSerializer serializer) {
        this.serializer = serializer;
    }

    @Test
    public void aByteArrayChangedOnceItsSendReturnedArrivesAsItWasSent() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (IpcChannel<Blob> channel = Ipc.channel(Blob.class, serializer)) {
                for (int size : new int[] {100_000, 3 << 20}) {
                    byte[] data = pattern(size, size);
                    byte[] expected = data.clone();
                    channel.sender().send(new Blob("changed later", data));
                    Arrays.fill(data, (byte) 0);
                    Blob received = receive(channel.receiver(), size + " bytes");
                    assertEquals("changed later", received.name(), "the name");
                    assertArrayEquals(expected, received.data(), "the array as it was at send, " + size + " bytes");
                }
            }
        });
    }

    @Test
    public void moreLargeArraysThanAMessageRefersToArriveWhole() {
        assertTimeoutPreemptively(LIMIT, () -> {
            TypeRef<List<Blob>> type = new TypeRef<List<Blob>>() {};
            List<Blob> blobs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                blobs.add(new Blob("blob " + i, pattern(70_000 + i * 997, i)));
            }
            try (IpcChannel<List<Blob>> channel = Ipc.channel(type, serializer)) {
                // From another thread, so that the stream is read while it is written.
                CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                    try {
                        channel.sender().send(blobs);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                List<Blob> received = receive(channel.receiver(), "40 blobs");
                sent.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
                assertEquals(blobs.size(), received.size(), "every blob");
                for (int i = 0; i < blobs.size(); i++) {
                    assertEquals(blobs.get(i).name(), received.get(i).name(), "blob " + i + "'s name");
                    assertArrayEquals(blobs.get(i).data(), received.get(i).data(), "blob " + i + "'s bytes");
                }
            }
        });
    }

    private static <T> T receive(IpcReceiver<T> receiver, String what) throws Exception {
        return receiver.tryRecv(LIMIT).orElseThrow(() -> new AssertionError("nothing arrived: " + what));
    }

    private static byte[] pattern(int length, int seed) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 29 + seed);
        }
        return data;
    }
}
