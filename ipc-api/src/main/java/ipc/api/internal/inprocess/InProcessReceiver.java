package ipc.api.internal.inprocess;

import ipc.api.IpcException;
import ipc.api.IpcLimitExceededException;
import ipc.api.IpcLimits;
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
        ReceivedMessage message = pipe.take(timeoutNanos, this);
        if (message != null) {
            withinLimits(message);
        }
        return message;
    }

    /**
     * Applies {@link IpcLimits} as a cross-process transport would: a message over a limit is dropped, its handles
     * closed.
     *
     * @throws IpcLimitExceededException if the message is over a limit
     */
    static void withinLimits(ReceivedMessage message) throws IpcLimitExceededException {
        try {
            IpcLimits.current().check(message.length(), message.handles().size());
        } catch (IpcLimitExceededException e) {
            message.closeHandles();
            throw e;
        }
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
