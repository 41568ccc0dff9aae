package ipc.api.internal.inprocess;

import ipc.api.spi.SharedMemoryEndpoint;
import java.nio.ByteBuffer;

/** A reference to a read-only heap buffer; the memory goes when the last reference is unreachable. */
final class InProcessSharedMemory extends InProcessHandle implements SharedMemoryEndpoint {

    private final ByteBuffer content;

    InProcessSharedMemory(ByteBuffer content) {
        this.content = content;
    }

    @Override
    public int length() {
        return content.capacity();
    }

    @Override
    public ByteBuffer buffer() {
        if (!isOpen()) {
            throw new IllegalStateException("The shared-memory region is closed");
        }
        return content.duplicate().clear();
    }

    @Override
    InProcessHandle copyForTransfer() {
        return new InProcessSharedMemory(content);
    }

    @Override
    void release() {
        // Nothing to unmap: the heap buffer is freed by the garbage collector.
    }
}
