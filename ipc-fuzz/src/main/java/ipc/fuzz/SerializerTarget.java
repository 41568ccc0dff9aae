package ipc.fuzz;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcException;
import ipc.api.IpcSharedMemory;
import ipc.api.TypeRef;
import ipc.api.spi.IpcSerializer;
import ipc.api.spi.MessageCodec;
import ipc.serde.testsupport.FakeContexts;
import ipc.serde.testsupport.HostileChannel;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The receive path of one serializer under fuzzing: a frame forged by the peer (the fuzz input as the payload behind
 * the serializer's genuine frame header, with real handles in the message's handle table) sent on a real channel of
 * the default transport (Linux) and received by a typed {@code IpcReceiver}; then the same payload decoded by the
 * serializer's {@link MessageCodec} directly, with no handles.
 *
 * <h2>Input layout</h2>
 * <pre>
 * byte       count of handles in the handle table (mod {@value #MAX_HANDLES} + 1)
 * per handle a kind byte, mod 3: a channel sender, a channel receiver, a shared-memory region (fresh each input)
 * rest       the payload, as the serializer would have written it
 * </pre>
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: one fuzzing thread.
 *
 * @param <T> the message type
 */
public final class SerializerTarget<T> implements AutoCloseable {

    /** The most handles one input puts in the handle table. */
    public static final int MAX_HANDLES = 7;
    /** The input layout's kind code of a channel sender. */
    public static final int SENDER = 0;
    /** The input layout's kind code of a channel receiver. */
    public static final int RECEIVER = 1;
    /** The input layout's kind code of a shared-memory region. */
    public static final int SHARED_MEMORY = 2;
    private static final int KINDS = 3;

    private final IpcSerializer serializer;
    private final HostileChannel<T> channel;
    private final MessageCodec<T> codec;
    private final Consumer<T> closeHandles;

    /**
     * Opens the channel the inputs travel on.
     *
     * @param serializer the serializer under test
     * @param type the message type the receiver declares
     * @param closeHandles closes every handle a decoded message holds
     * @param sample a valid message without handles, sent and received once (with a garbage frame) to load and
     *     initialise the serializer's classes before the first input is measured
     * @throws IpcException if the channel cannot be opened or the sample does not travel
     */
    public SerializerTarget(IpcSerializer serializer, TypeRef<T> type, Consumer<T> closeHandles, T sample)
            throws IpcException {
        this.serializer = serializer;
        this.channel = new HostileChannel<>(type, serializer);
        this.codec = serializer.codec(type);
        this.closeHandles = closeHandles;
        channel.sender().send(sample);
        closeHandles.accept(channel.receiver().tryRecv(ReceiveChecks.RECEIVE_TIMEOUT).orElseThrow());
        channel.sendRaw(new byte[] {(byte) 0xff, 0, 1});
        try {
            channel.receiver().tryRecv(ReceiveChecks.RECEIVE_TIMEOUT);
        } catch (IpcException expected) {
            // Loads the failure path's classes too.
        }
    }

    /**
     * Runs one input and checks every property ({@link ReceiveChecks}).
     *
     * @param input the fuzz input
     * @throws IpcException if the harness itself cannot send (not a finding of the receive path)
     */
    public void fuzzOne(byte[] input) throws IpcException {
        String what = ReceiveChecks.describe(input);
        FdCount descriptorsBefore = FdCount.snapshot();
        send(input);
        Optional<T> received = ReceiveChecks.receive(what, input.length, this::receive);
        if (received != null) {
            T value = received.orElseThrow(() -> new AssertionError(what + ": sent, but neither received nor "
                    + "refused within " + ReceiveChecks.RECEIVE_TIMEOUT));
            closeHandles.accept(value);
        }
        byte[] payload = payload(input);
        T decoded = ReceiveChecks.decode(what + " (decoded by the codec directly)", input.length,
                () -> codec.decode(ByteBuffer.wrap(payload), new FakeContexts.NoHandles()));
        if (decoded != null) {
            closeHandles.accept(decoded);
        }
        ReceiveChecks.assertNoDescriptorGrowth(descriptorsBefore, what);
    }

    /**
     * Sends the frame {@code input} describes: its payload behind the serializer's frame header, with fresh handles
     * of the kinds it names (closed here once sent).
     *
     * @param input an input in this target's layout
     * @throws IpcException if the harness cannot send (not a finding of the receive path)
     */
    public void send(byte[] input) throws IpcException {
        int handleCount = handleCount(input);
        List<AutoCloseable> local = new ArrayList<>();
        try {
            Object[] handles = new Object[handleCount];
            for (int i = 0; i < handleCount; i++) {
                handles[i] = handle((input[1 + i] & 0xff) % KINDS, local);
            }
            channel.sendRaw(payload(input), handles);
        } finally {
            closeAll(local);
        }
    }

    /**
     * Receives the next message with the typed receiver, waiting at most {@link ReceiveChecks#RECEIVE_TIMEOUT}.
     *
     * @return the message, or empty if none arrived in time
     * @throws IpcException if the receiver refuses it
     */
    public Optional<T> receive() throws IpcException {
        return channel.receiver().tryRecv(ReceiveChecks.RECEIVE_TIMEOUT);
    }

    private static int handleCount(byte[] input) {
        int count = input.length == 0 ? 0 : (input[0] & 0xff) % (MAX_HANDLES + 1);
        return Math.min(count, Math.max(0, input.length - 1));
    }

    private static byte[] payload(byte[] input) {
        return Arrays.copyOfRange(input, Math.min(input.length, 1 + handleCount(input)), input.length);
    }

    /** A fresh handle of the kind; it and its peer are closed by the caller after sending. */
    private Object handle(int kind, List<AutoCloseable> local) throws IpcException {
        if (kind == SHARED_MEMORY) {
            IpcSharedMemory memory = IpcSharedMemory.fromBytes(new byte[] {1, 2, 3, 4});
            local.add(memory);
            return memory;
        }
        IpcChannel<String> peer = Ipc.channel(String.class, serializer);
        local.add(peer.sender());
        local.add(peer.receiver());
        return kind == SENDER ? peer.sender() : peer.receiver();
    }

    private static void closeAll(List<AutoCloseable> handles) {
        for (AutoCloseable handle : handles) {
            try {
                handle.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + handle + " failed", e);
            }
        }
    }

    @Override
    public void close() {
        channel.close();
    }
}
