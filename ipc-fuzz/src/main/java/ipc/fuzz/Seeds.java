package ipc.fuzz;

import ipc.api.Ipc;
import ipc.api.IpcBytesReceiver;
import ipc.api.IpcChannel;
import ipc.api.IpcException;
import ipc.api.IpcReceiver;
import ipc.api.IpcSharedMemory;
import ipc.api.OpaqueIpcReceiver;
import ipc.api.TypeRef;
import ipc.api.spi.IpcSerializer;
import ipc.fuzz.ForgedDatagram.Kind;
import ipc.fuzz.messages.Customer;
import ipc.fuzz.messages.Line;
import ipc.fuzz.messages.Order;
import ipc.fuzz.messages.proto.FuzzCustomer;
import ipc.fuzz.messages.proto.FuzzLine;
import ipc.fuzz.messages.proto.FuzzOrder;
import ipc.serde.jackson.JacksonSerializer;
import ipc.serde.kryo.KryoSerializer;
import ipc.serde.protobuf.IpcHandles;
import ipc.serde.protobuf.ProtobufSerializer;
import ipc.serde.testsupport.FakeContexts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The seed corpus: a few small valid inputs per target, made by the real serializers and the transport's wire format
 * rather than typed by hand. {@link #main} writes them where Jazzer looks for a target's inputs
 * ({@code <package>/<TestClass>Inputs/<method>/}); fuzz.sh {@code --write-seeds} runs it.
 *
 * <h2>Thread safety</h2>
 * Stateless; thread-safe.
 */
public final class Seeds {

    /** The transport's wire header magic, {@code "jipc"} as a big-endian int, written in the host's order. */
    static final int WIRE_MAGIC = 0x6a697063;
    static final byte WIRE_VERSION = 4;
    static final byte TYPE_MESSAGE = 1;
    static final byte TYPE_OVERFLOW = 2;
    static final short FLAG_PAYLOAD_STREAMED = 0x1;
    static final short FLAG_HANDLE_OVERFLOW = 0x2;
    /** The payload, after its inline bytes, waits in a slot of the sender's ring (a memfd of {@link #RING_SIZE}). */
    static final short FLAG_PAYLOAD_RING = 0x4;
    /** The size of a sender's ring: a page of state words and sixteen slots of 1 MiB + 64 KiB. */
    static final int RING_SIZE = 4096 + 16 * ((1 << 20) + (64 << 10));
    static final int WIRE_HEADER_SIZE = 24;
    static final byte KIND_SENDER = 1;
    static final byte KIND_RECEIVER = 2;
    static final byte KIND_SHARED_MEMORY = 3;
    /** The API's frame header: magic 'i' 'p', version 1, the serializer name's length, then the name. */
    private static final byte[] FRAME_MAGIC = {'i', 'p', 1};
    /**
     * The id of the seed order without handles: not ASCII, so that a seed holds each serializer's general string
     * form (Kryo writes an ASCII string with no length, any other with its character count first).
     */
    static final String PLAIN_ID = "\u00f8-2";

    private Seeds() {}

    /**
     * Writes every target's seeds below {@code args[0]} (a test resources root).
     *
     * @param args the resources root
     * @throws Exception if a seed cannot be made or written
     */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).resolve("ipc/fuzz");
        write(root.resolve("JacksonReceiveFuzzTestInputs/receive"), orderSeeds(new JacksonSerializer()));
        write(root.resolve("KryoReceiveFuzzTestInputs/receive"), orderSeeds(new KryoSerializer()));
        write(root.resolve("ProtobufReceiveFuzzTestInputs/receive"), protobufSeeds());
        write(root.resolve("LinuxFramingFuzzTestInputs/datagram"), framingSeeds());
    }

    private static void write(Path directory, List<byte[]> seeds) throws IOException {
        Files.createDirectories(directory);
        for (int i = 0; i < seeds.size(); i++) {
            Files.write(directory.resolve(String.format("seed-%02d", i)), seeds.get(i));
        }
    }

    /**
     * Inputs of the serializer targets whose message type is {@link Order}: a full order with handles at every
     * level, one without handles (whose id is {@link #PLAIN_ID}), and an empty one.
     *
     * @param serializer the serializer
     * @return the inputs ({@link SerializerTarget}'s layout)
     * @throws IpcException if a handle cannot be opened or the serializer refuses
     */
    public static List<byte[]> orderSeeds(IpcSerializer serializer) throws IpcException {
        List<byte[]> seeds = new ArrayList<>();
        try (Handles handles = new Handles(serializer)) {
            Customer customer = new Customer("Ada", 36, List.of(new Line("pen", 2, 1.5)), handles.sender());
            Order full = new Order("o-1", 12_345L, 0.25, List.of("urgent", "gift"),
                    List.of(new Line("book", 1, 12.0), new Line("lamp", 3, 7.25)), Map.of("boxes", 2), customer,
                    handles.sender().toOpaque().to(Line.class), handles.receiver(), handles.memory(),
                    List.of(handles.sender().toOpaque()));
            Order plain = new Order(PLAIN_ID, -1L, 1e300, List.of("x"), List.of(new Line("", 0, -0.0)), Map.of(),
                    new Customer("", 0, List.of(), null), null, null, null, List.of());
            Order empty = new Order(null, 0L, 0.0, null, null, null, null, null, null, null, null);
            for (Order order : List.of(full, plain, empty)) {
                seeds.add(input(serializer, TypeRef.of(Order.class), order));
            }
        }
        return seeds;
    }

    /**
     * Inputs of the protobuf target: a full {@link FuzzOrder} with handles, one without (whose id is
     * {@link #PLAIN_ID}), and an empty one.
     *
     * @return the inputs ({@link SerializerTarget}'s layout)
     * @throws IpcException if a handle cannot be opened or the serializer refuses
     */
    public static List<byte[]> protobufSeeds() throws IpcException {
        IpcSerializer serializer = new ProtobufSerializer();
        List<byte[]> seeds = new ArrayList<>();
        try (Handles handles = new Handles(serializer)) {
            FuzzLine pen = FuzzLine.newBuilder().setSku("pen").setQuantity(2).setPrice(1.5).build();
            FuzzOrder full = FuzzOrder.newBuilder().setId("o-1").setAmount(12_345L).setRatio(0.25)
                    .addTags("urgent").addTags("gift").addLines(pen).putCounts("boxes", 2)
                    .setCustomer(FuzzCustomer.newBuilder().setName("Ada").setAge(36).addFavourites(pen)
                            .setContact(IpcHandles.of(handles.sender())))
                    .setReplyTo(IpcHandles.of(handles.sender())).setUpdates(IpcHandles.of(handles.receiver()))
                    .setAttachment(IpcHandles.of(handles.memory())).addWatchers(IpcHandles.of(handles.sender()))
                    .setBlob(com.google.protobuf.ByteString.copyFromUtf8("blob")).build();
            FuzzOrder plain = FuzzOrder.newBuilder().setId(PLAIN_ID).setAmount(-1L).addLines(pen).build();
            for (FuzzOrder order : List.of(full, plain, FuzzOrder.getDefaultInstance())) {
                seeds.add(input(serializer, TypeRef.of(FuzzOrder.class), order));
            }
        }
        return seeds;
    }

    private static <T> byte[] input(IpcSerializer serializer, TypeRef<T> type, T value) throws IpcException {
        FakeContexts.Encoding encoding = new FakeContexts.Encoding();
        serializer.codec(type).encode(value, encoding);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(encoding.handles().size());
        for (Object handle : encoding.handles()) {
            out.write(handle instanceof IpcSharedMemory ? SerializerTarget.SHARED_MEMORY
                    : handle instanceof IpcReceiver || handle instanceof OpaqueIpcReceiver
                            || handle instanceof IpcBytesReceiver ? SerializerTarget.RECEIVER : SerializerTarget.SENDER);
        }
        out.writeBytes(encoding.payload());
        return out.toByteArray();
    }

    /**
     * The API frame header a serializer's messages start with (what the typed receiver checks first).
     *
     * @param serializerName the serializer's name
     * @return the header bytes
     */
    static byte[] frameHeader(String serializerName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(FRAME_MAGIC);
        out.write(serializerName.length());
        out.writeBytes(serializerName.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /**
     * Inputs of the framing target ({@link ForgedDatagram}'s layout): valid datagrams of every shape the transport
     * sends (inline payload, handles of each kind, a streamed payload handed over in its memfd, handles in an
     * overflow socket), a pipe where a sender is expected (accepted: a channel end is checked at its first use, not
     * on arrival), a payload in a sender's ring, and a streamed payload whose memfd was never sealed (its sender stopped mid-message: dropped
     * unseen).
     *
     * @return the inputs
     */
    public static List<byte[]> framingSeeds() {
        byte[] hello = frame("jackson", new byte[] {(byte) 0xa0});
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(concat(new byte[] {0}, message((short) 0, 0, 0, hello.length, new byte[0], hello)));
        seeds.add(concat(new byte[] {3, (byte) Kind.CHANNEL_END.ordinal(), (byte) Kind.CHANNEL_END.ordinal(),
                (byte) Kind.SEALED_MEMFD.ordinal(), 16},
                message((short) 0, 3, 3, hello.length, new byte[] {KIND_SENDER, KIND_RECEIVER, KIND_SHARED_MEMORY},
                        hello)));
        // A streamed payload whose stream ends at once, all of it in the memfd (the sender's hand-over).
        seeds.add(concat(new byte[] {2, (byte) Kind.CHANNEL_END.ordinal(), (byte) Kind.SEALED_MEMFD.ordinal(), 100},
                message(FLAG_PAYLOAD_STREAMED, 0, 2, 100, new byte[0], new byte[0])));
        // One handle inline, two more in one overflow datagram.
        byte[] overflowDatagram = header(TYPE_OVERFLOW, (short) 0, 2, 2, 0);
        ByteArrayOutputStream control = new ByteArrayOutputStream();
        control.writeBytes(new byte[] {2, (byte) Kind.CHANNEL_END.ordinal(), (byte) Kind.OVERFLOW.ordinal(), 1, 2,
                (byte) Kind.CHANNEL_END.ordinal(), (byte) Kind.CHANNEL_END.ordinal(), (byte) overflowDatagram.length});
        control.writeBytes(overflowDatagram);
        seeds.add(concat(control.toByteArray(), message(FLAG_HANDLE_OVERFLOW, 3, 2, hello.length,
                new byte[] {KIND_SENDER, KIND_RECEIVER, KIND_SENDER}, hello)));
        seeds.add(concat(new byte[] {1, (byte) Kind.PIPE.ordinal()},
                message((short) 0, 1, 1, hello.length, new byte[] {KIND_SENDER}, hello)));
        // The prefix inline, then slot 2 of a ring holding the rest (1,000 bytes, zeros in a fresh ring).
        byte[] slot = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.nativeOrder()).putInt(2).array();
        seeds.add(concat(new byte[] {1, (byte) Kind.RING.ordinal()},
                message(FLAG_PAYLOAD_RING, 0, 1, hello.length + 1000, new byte[0], concat(hello, slot))));
        seeds.add(concat(new byte[] {2, (byte) Kind.CHANNEL_END.ordinal(), (byte) Kind.UNSEALED_MEMFD.ordinal(), 64},
                message(FLAG_PAYLOAD_STREAMED, 0, 2, 64, new byte[0], new byte[0])));
        return seeds;
    }

    private static byte[] frame(String serializerName, byte[] payload) {
        return concat(frameHeader(serializerName), payload);
    }

    /** A message datagram: header, handle kinds, and the inline payload (what of it travels inline). */
    static byte[] message(short flags, int handles, int fds, long payloadLength, byte[] kinds, byte[] payload) {
        return concat(header(TYPE_MESSAGE, flags, handles, fds, payloadLength), concat(kinds, payload));
    }

    /** The 24-byte wire header, in the host's byte order. */
    static byte[] header(byte type, short flags, int handles, int fds, long payloadLength) {
        ByteBuffer header = ByteBuffer.allocate(WIRE_HEADER_SIZE).order(ByteOrder.nativeOrder());
        header.putInt(WIRE_MAGIC).put(WIRE_VERSION).put(type).putShort(flags).putInt(handles).putInt(fds)
                .putLong(payloadLength);
        return header.array();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** Handles for the samples, all closed at the end. */
    private static final class Handles implements AutoCloseable {
        private final IpcSerializer serializer;
        private final List<AutoCloseable> opened = new ArrayList<>();

        Handles(IpcSerializer serializer) {
            this.serializer = serializer;
        }

        ipc.api.IpcSender<String> sender() throws IpcException {
            IpcChannel<String> channel = Ipc.channel(String.class, serializer);
            opened.add(channel);
            return channel.sender();
        }

        IpcReceiver<String> receiver() throws IpcException {
            IpcChannel<String> channel = Ipc.channel(String.class, serializer);
            opened.add(channel);
            return channel.receiver();
        }

        IpcSharedMemory memory() {
            IpcSharedMemory memory = IpcSharedMemory.fromBytes(new byte[] {1, 2, 3, 4});
            opened.add(memory);
            return memory;
        }

        @Override
        public void close() {
            for (AutoCloseable handle : opened) {
                try {
                    handle.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
