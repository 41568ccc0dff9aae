package ipc.benchmarks;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcChannel;
import ipc.api.IpcException;
import java.nio.ByteBuffer;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One-way throughput: a sender thread streams messages of {@link #size} bytes as fast as the channel takes them and
 * the benchmark thread receives them, so the score is nanoseconds per message received (Rust's
 * {@code transfer_data_N}); floor rows {@code oneway_N}.
 *
 * <p>{@link #channel} {@code bytes} is an {@code IpcBytesSender}; {@code jackson} and {@code kryo} are an
 * {@code IpcSender<byte[]>} with that serializer; {@code protobuf} is an {@code IpcSender<Blob>}, the generated message
 * with one {@code bytes} field (protobuf channels carry generated messages only).
 *
 * <p>Messages larger than one datagram stream on a socket pair of their own, or, when the receiver lags, are handed
 * over in a memfd, which the socket buffer does not bound; so that a fast sender cannot queue gigabytes, the sender
 * then keeps at most {@code max(2, 64 MiB / size)} messages ahead of the receiver (a semaphore, released once per
 * message received).
 *
 * <h2>Thread safety</h2>
 * JMH state, one instance per benchmark thread; the sender thread owns the sending end.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class OneWay {

    /** The largest payload that travels in one datagram (the transport's limit, header excluded). */
    private static final int ONE_DATAGRAM = 212_952 - 24;

    /** Message size in bytes. */
    @Param({"64", "4096", "65536", "1048576", "16777216"})
    public int size;

    /**
     * {@code bytes} ({@code recv()}: a new array per message), {@code bytes_reuse} ({@code recv(ByteBuffer)} into one
     * reused heap buffer), {@code bytes_direct} ({@code send(ByteBuffer)} from a direct buffer, {@code recv(ByteBuffer)}
     * into one reused direct buffer), or the serializer of a typed channel: {@code jackson}, {@code kryo},
     * {@code protobuf}.
     */
    @Param({"bytes", "bytes_reuse", "bytes_direct", "jackson", "kryo", "protobuf"})
    public String channel;

    private interface Source {
        Object recv() throws IpcException;

        void close();
    }

    @FunctionalInterface
    private interface Receive {
        Object recv() throws IpcException;
    }

    @FunctionalInterface
    private interface Send {
        void send() throws IpcException;
    }

    private Source source;
    private Semaphore window;
    private Thread sender;
    private volatile boolean stop;
    private volatile Throwable senderFailure;

    /** Opens the channel and starts the sender thread. */
    @Setup
    public void setUp() throws IpcException {
        byte[] payload = Messages.payload(size);
        window = size > ONE_DATAGRAM ? new Semaphore(Math.max(2, (64 << 20) / size)) : null;
        Send send;
        AutoCloseable senderEnd;
        switch (channel) {
            case "bytes" -> {
                IpcBytesChannel pair = Ipc.bytesChannel();
                send = () -> pair.sender().send(payload);
                senderEnd = pair.sender();
                source = source(pair.receiver()::recv, pair.receiver()::close);
            }
            case "bytes_reuse" -> {
                IpcBytesChannel pair = Ipc.bytesChannel();
                send = () -> pair.sender().send(payload);
                senderEnd = pair.sender();
                ByteBuffer[] buffer = {ByteBuffer.allocate(size)};
                source = source(() -> buffer[0] = pair.receiver().recv(buffer[0]), pair.receiver()::close);
            }
            case "bytes_direct" -> {
                IpcBytesChannel pair = Ipc.bytesChannel();
                ByteBuffer outgoing = ByteBuffer.allocateDirect(size).put(payload).flip();
                send = () -> pair.sender().send(outgoing);
                senderEnd = pair.sender();
                ByteBuffer[] buffer = {ByteBuffer.allocateDirect(size)};
                source = source(() -> buffer[0] = pair.receiver().recv(buffer[0]), pair.receiver()::close);
            }
            case "protobuf" -> {
                IpcChannel<ipc.benchmarks.proto.Blob> pair =
                        Ipc.channel(ipc.benchmarks.proto.Blob.class, Ipc.serializer(channel));
                ipc.benchmarks.proto.Blob blob = Messages.blob(payload);
                send = () -> pair.sender().send(blob);
                senderEnd = pair.sender();
                source = typed(pair);
            }
            default -> {
                IpcChannel<byte[]> pair = Ipc.channel(byte[].class, Ipc.serializer(channel));
                send = () -> pair.sender().send(payload);
                senderEnd = pair.sender();
                source = typed(pair);
            }
        }
        stop = false;
        sender = new Thread(() -> stream(send, senderEnd), "one-way sender");
        sender.setDaemon(true);
        sender.start();
    }

    private static <T> Source typed(IpcChannel<T> pair) {
        return source(pair.receiver()::recv, pair.receiver()::close);
    }

    private static Source source(Receive receive, Runnable close) {
        return new Source() {
            @Override
            public Object recv() throws IpcException {
                return receive.recv();
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }

    private void stream(Send send, AutoCloseable senderEnd) {
        try (senderEnd) {
            while (!stop) {
                if (window != null && !window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                send.send();
            }
        } catch (IpcException e) {
            if (!stop) {
                senderFailure = e;
            }
        } catch (Exception e) {
            senderFailure = e;
        }
    }

    /** Stops the sender: closing the receiver ends a send waiting for room. */
    @TearDown
    public void tearDown() throws InterruptedException {
        stop = true;
        source.close();
        sender.join(TimeUnit.SECONDS.toMillis(30));
        if (sender.isAlive()) {
            throw new IllegalStateException("the sender thread did not end");
        }
        if (senderFailure != null) {
            throw new IllegalStateException("the sender failed", senderFailure);
        }
    }

    /** Receives one message. */
    @Benchmark
    public Object receive() throws IpcException {
        Object message = source.recv();
        if (window != null) {
            window.release();
        }
        return message;
    }
}
