package ipc.tests.contract;

import static ipc.tests.contract.Contracts.receive;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcSharedMemory;
import ipc.tests.messages.Person;
import ipc.tests.messages.PersonAndSharedMemory;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link IpcSharedMemory} in messages: Rust's {@code shared_memory*} tests. */
public abstract class SharedMemoryContract {

    private static final int MIB = 1024 * 1024;
    private static final byte BA = (byte) 0xba;

    private static boolean allBytesAre(IpcSharedMemory memory, byte value) {
        ByteBuffer buffer = memory.asByteBuffer();
        while (buffer.hasRemaining()) {
            if (buffer.get() != value) {
                return false;
            }
        }
        return true;
    }

    @Test
    public void sharedMemory() throws Exception {
        try (IpcSharedMemory memory = IpcSharedMemory.fromByte(BA, MIB);
                IpcChannel<PersonAndSharedMemory> channel = Ipc.channel(PersonAndSharedMemory.class)) {
            channel.sender().send(new PersonAndSharedMemory(Person.PATRICK, memory));
            PersonAndSharedMemory received = receive(channel.receiver(), "person and memory");
            assertEquals(Person.PATRICK, received.person(), "the person beside the region");
            assertTrue(allBytesAre(memory, BA), "the local region is all 0xba");
            assertEquals(MIB, received.memory().length(), "the received region's length");
            assertTrue(allBytesAre(received.memory(), BA), "the received region is all 0xba");
            received.memory().close();
        }
    }

    @Test
    public void sharedMemoryObjectEquality() throws Exception {
        try (IpcSharedMemory memory = IpcSharedMemory.fromByte(BA, MIB);
                IpcChannel<PersonAndSharedMemory> channel = Ipc.channel(PersonAndSharedMemory.class)) {
            PersonAndSharedMemory sent = new PersonAndSharedMemory(Person.PATRICK, memory);
            channel.sender().send(sent);
            PersonAndSharedMemory received = receive(channel.receiver(), "person and memory");
            assertEquals(sent, received, "equal records: the regions compare by content");
            assertEquals(memory.hashCode(), received.memory().hashCode(), "equal content, equal hash codes");
            received.memory().close();
        }
    }

    @Test
    public void sharedMemorySlicesOfEveryLength() throws Exception {
        try (IpcChannel<IpcSharedMemory> channel = Ipc.channel(IpcSharedMemory.class)) {
            IpcSharedMemory[] regions = {IpcSharedMemory.fromByte((byte) 42, 0), IpcSharedMemory.fromBytes(new byte[0]),
                    IpcSharedMemory.fromBytes(new byte[] {4, 2, 42})};
            for (IpcSharedMemory region : regions) {
                channel.sender().send(region);
                try (IpcSharedMemory received = receive(channel.receiver(), "region of " + region.length())) {
                    assertArrayEquals(region.toByteArray(), received.toByteArray(), "content of " + region);
                    assertEquals(region, received, "equal by content: " + region);
                }
                region.close();
            }
        }
    }

    @Test
    public void takeTheBytes() throws Exception {
        byte[] content = new byte[MIB];
        Arrays.fill(content, BA);
        try (IpcSharedMemory memory = IpcSharedMemory.fromBytes(content);
                IpcChannel<IpcSharedMemory> channel = Ipc.channel(IpcSharedMemory.class)) {
            channel.sender().send(memory);
            try (IpcSharedMemory received = receive(channel.receiver(), "region")) {
                assertArrayEquals(content, received.toByteArray(), "Rust's shared_memory_take");
            }
            try (IpcSharedMemory empty = IpcSharedMemory.fromBytes(new byte[0])) {
                channel.sender().send(empty);
            }
            try (IpcSharedMemory received = receive(channel.receiver(), "empty region")) {
                assertArrayEquals(new byte[0], received.toByteArray(), "Rust's shared_memory_take_empty");
            }
        }
    }

}
