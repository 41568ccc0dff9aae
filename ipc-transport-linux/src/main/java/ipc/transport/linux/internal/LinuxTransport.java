package ipc.transport.linux.internal;

import ipc.api.IpcException;
import ipc.api.IpcPeerPolicy;
import ipc.api.spi.EndpointPair;
import ipc.api.spi.OneShotServerEndpoint;
import ipc.api.spi.ReceiverSetEndpoint;
import ipc.api.spi.SenderEndpoint;
import ipc.api.spi.SharedMemoryEndpoint;
import ipc.api.spi.Transport;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/** The Linux transport: glue from the SPI to the classes that do the work. */
public final class LinuxTransport implements Transport {

    @Override
    public String name() {
        return "linux";
    }

    @Override
    public EndpointPair channel() throws IpcException {
        return Channels.pair();
    }

    @Override
    public OneShotServerEndpoint oneShotServer() throws IpcException {
        return LinuxOneShotServer.open();
    }

    @Override
    public OneShotServerEndpoint oneShotServer(IpcPeerPolicy peers) throws IpcException {
        return LinuxOneShotServer.open(peers);
    }

    @Override
    public SenderEndpoint connect(String name) throws IpcException {
        return LinuxOneShotServer.connect(name);
    }

    @Override
    public ReceiverSetEndpoint receiverSet() throws IpcException {
        return new EpollReceiverSet();
    }

    @Override
    public SharedMemoryEndpoint sharedMemory(int length, Consumer<ByteBuffer> initializer) throws IpcException {
        return LinuxSharedMemory.create(length, initializer);
    }
}
