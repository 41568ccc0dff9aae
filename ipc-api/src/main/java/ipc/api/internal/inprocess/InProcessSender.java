package ipc.api.internal.inprocess;

import ipc.api.IpcException;
import ipc.api.spi.ReceivedMessage;
import ipc.api.spi.SenderEndpoint;
import ipc.api.spi.TransportHandle;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A sender reference to a {@link Pipe}. */
final class InProcessSender extends InProcessHandle implements SenderEndpoint {

    private final Pipe pipe;

    InProcessSender(Pipe pipe) {
        this.pipe = pipe;
        pipe.addSender();
    }

    @Override
    public void send(ByteBuffer frame, List<? extends TransportHandle> handles) throws IpcException {
        if (!isOpen()) {
            throw new IllegalStateException("The sender is closed");
        }
        ByteBuffer copy = ByteBuffer.allocate(frame.remaining());
        copy.put(frame.duplicate()).flip();
        List<TransportHandle> copies = new ArrayList<>(handles.size());
        try {
            for (TransportHandle handle : handles) {
                if (!(handle instanceof InProcessHandle inProcess)) {
                    throw new IllegalArgumentException("Cannot send a handle of another transport in-process: "
                            + handle.getClass().getName());
                }
                if (!inProcess.isOpen()) {
                    throw new IllegalArgumentException("Cannot send a closed handle");
                }
                copies.add(inProcess.copyForTransfer());
            }
            pipe.push(new ReceivedMessage(copy, copies));
        } catch (IpcException | RuntimeException e) {
            for (TransportHandle handle : copies) {
                handle.close();
            }
            throw e;
        }
    }

    @Override
    public SenderEndpoint duplicate() {
        if (!isOpen()) {
            throw new IllegalStateException("The sender is closed");
        }
        return new InProcessSender(pipe);
    }

    @Override
    InProcessHandle copyForTransfer() {
        return new InProcessSender(pipe);
    }

    @Override
    void release() {
        pipe.removeSender();
    }
}
