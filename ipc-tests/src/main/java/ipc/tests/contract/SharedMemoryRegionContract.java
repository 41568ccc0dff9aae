package ipc.tests.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcSharedMemory;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** One {@link IpcSharedMemory} region: equality by content, the read-only view, and a closed region. */
public abstract class SharedMemoryRegionContract {

    @Test
    public void equalityIsByContent() {
        IpcSharedMemory b = IpcSharedMemory.fromBytes(new byte[] {1, 2, 3});
        try (IpcSharedMemory a = IpcSharedMemory.fromBytes(new byte[] {1, 2, 3});
                IpcSharedMemory c = IpcSharedMemory.fromBytes(new byte[] {1, 2, 4});
                IpcSharedMemory d = IpcSharedMemory.fromByte((byte) 7, 3);
                IpcSharedMemory e = IpcSharedMemory.fromBytes(new byte[] {7, 7, 7})) {
            assertEquals(a, b, "same bytes, different regions");
            assertEquals(a.hashCode(), b.hashCode(), "same bytes, same hash code");
            assertNotEquals(a, c, "different bytes");
            assertEquals(d, e, "fromByte and fromBytes with the same content");
            b.close();
            assertNotEquals(a, b, "a closed region equals nothing but itself");
            assertEquals(0, b.hashCode(), "a closed region's hash code");
        }
    }

    @Test
    public void byteBufferIsReadOnlyAndCoversTheRegion() {
        try (IpcSharedMemory memory = IpcSharedMemory.fromBytes(new byte[] {5, 6, 7, 8})) {
            ByteBuffer buffer = memory.asByteBuffer();
            assertTrue(buffer.isReadOnly(), "the view is read-only");
            assertEquals(0, buffer.position(), "it starts at 0");
            assertEquals(4, buffer.limit(), "it ends at the length");
            assertThrows(java.nio.ReadOnlyBufferException.class, () -> buffer.put(0, (byte) 1), "writing fails");
            buffer.get();
            assertEquals(0, memory.asByteBuffer().position(), "each call returns a new buffer");
        }
    }

    @Test
    public void closedRegionRefusesAccessAndNegativeLengthIsRejected() {
        IpcSharedMemory memory = IpcSharedMemory.fromBytes(new byte[] {1});
        memory.close();
        memory.close();
        assertThrows(IllegalStateException.class, memory::asByteBuffer, "asByteBuffer after close");
        assertThrows(IllegalStateException.class, memory::toByteArray, "toByteArray after close");
        assertThrows(IllegalArgumentException.class, () -> IpcSharedMemory.fromByte((byte) 1, -1), "negative length");
        assertThrows(NullPointerException.class, () -> IpcSharedMemory.fromBytes(null), "null content");
    }
}
