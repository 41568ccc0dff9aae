package ipc.api.internal.inprocess;

import ipc.api.IpcException;
import ipc.api.spi.ReceivedMessage;
import ipc.api.spi.ReceiverEndpoint;

/** A receiver reference to a {@link Pipe}. */
final class InProcessReceiver extends InProcessHandle implements ReceiverEndpoint {

    private final Pipe pipe;

    InProcessReceiver(Pipe pipe) {
        this.pipe = pipe;
        pipe.addReceiver();
    }

    Pipe pipe() {
        return pipe;
    }

    @Override
    public ReceivedMessage receive(long timeoutNanos) throws IpcException {
        return pipe.take(timeoutNanos, this);
    }

    @Override
    InProcessHandle copyForTransfer() {
        return new InProcessReceiver(pipe);
    }

    @Override
    void release() {
        pipe.removeReceiver();
        pipe.wakeAll();
    }
}
