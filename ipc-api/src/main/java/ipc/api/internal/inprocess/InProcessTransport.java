package ipc.api.internal.inprocess;

import ipc.api.IpcException;
import ipc.api.spi.EndpointPair;
import ipc.api.spi.OneShotServerEndpoint;
import ipc.api.spi.ReceiverSetEndpoint;
import ipc.api.spi.SenderEndpoint;
import ipc.api.spi.SharedMemoryEndpoint;
import ipc.api.spi.Transport;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/** Channels between threads of one JVM. */
final class InProcessTransport implements Transport {

    @Override
    public String name() {
        return "inprocess";
    }

    @Override
    public EndpointPair channel() {
        Pipe pipe = new Pipe();
        return new EndpointPair(new InProcessSender(pipe), new InProcessReceiver(pipe));
    }

    @Override
    public OneShotServerEndpoint oneShotServer() {
        return InProcessOneShotServer.open();
    }

    @Override
    public SenderEndpoint connect(String name) throws IpcException {
        return InProcessOneShotServer.connect(name);
    }

    @Override
    public ReceiverSetEndpoint receiverSet() {
        return new InProcessReceiverSet();
    }

    @Override
    public SharedMemoryEndpoint sharedMemory(int length, Consumer<ByteBuffer> initializer) {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative: " + length);
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        initializer.accept(buffer.duplicate());
        return new InProcessSharedMemory(buffer.asReadOnlyBuffer());
    }
}
