package ipc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class FramesTest {

    @Test
    void headerRoundTrip() throws IpcSerializationException {
        byte[] header = Frames.header("jackson");
        ByteBuffer frame = ByteBuffer.allocate(header.length + 3).put(header).put(new byte[] {1, 2, 3}).flip();
        assertTrue(Frames.hasSerializer(frame, header), "the frame starts with its own header");
        assertEquals("jackson", Frames.readHeader(frame), "the name comes back");
        assertEquals(3, frame.remaining(), "the position is left at the payload");
    }

    @Test
    void rejectsForeignBytesWithClearMessages() {
        IpcSerializationException shortFrame = assertThrows(IpcSerializationException.class,
                () -> Frames.readHeader(ByteBuffer.wrap(new byte[] {1})));
        assertTrue(shortFrame.getMessage().contains("at least 4 bytes"), shortFrame.getMessage());
        IpcSerializationException magic = assertThrows(IpcSerializationException.class,
                () -> Frames.readHeader(ByteBuffer.wrap(new byte[] {0, 0, 1, 1, 'x'})));
        assertTrue(magic.getMessage().contains("not a message of this library"), magic.getMessage());
        IpcSerializationException version = assertThrows(IpcSerializationException.class,
                () -> Frames.readHeader(ByteBuffer.wrap(new byte[] {'i', 'p', 9, 1, 'x'})));
        assertTrue(version.getMessage().contains("version 1, got 9"), version.getMessage());
        IpcSerializationException lying = assertThrows(IpcSerializationException.class,
                () -> Frames.readHeader(ByteBuffer.wrap(new byte[] {'i', 'p', 1, 30, 'x'})));
        assertTrue(lying.getMessage().contains("declared length of 30"), lying.getMessage());
    }

    @Test
    void namesMustBeShortAscii() {
        assertThrows(IllegalArgumentException.class, () -> Frames.header(""), "empty");
        assertThrows(IllegalArgumentException.class, () -> Frames.header("x".repeat(33)), "too long");
        assertThrows(IllegalArgumentException.class, () -> Frames.header("jäckson"), "not ASCII");
        assertFalse(Frames.hasSerializer(ByteBuffer.wrap(Frames.header("kryo")), Frames.header("jackson")),
                "another serializer's header does not match");
    }
}
