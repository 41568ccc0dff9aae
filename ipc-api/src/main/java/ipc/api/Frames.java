package ipc.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The API's frame header, in front of every message payload: two magic bytes {@code 'i' 'p'}, the format version,
 * the length of the serializer name, then the name in ASCII. It lets a receiver reject a message written by
 * another serializer, or by an incompatible version of this library, with a clear error instead of garbage.
 */
final class Frames {

    static final byte MAGIC_0 = 'i';
    static final byte MAGIC_1 = 'p';
    static final byte VERSION = 1;
    static final int MAX_NAME_LENGTH = 32;
    /** The pseudo-serializer name of bytes channels. */
    static final String BYTES = "bytes";

    private Frames() {}

    /** The header bytes for one serializer name; computed once per channel end. */
    static byte[] header(String serializerName) {
        byte[] name = serializerName.getBytes(StandardCharsets.US_ASCII);
        if (name.length == 0 || name.length > MAX_NAME_LENGTH
                || !StandardCharsets.US_ASCII.newEncoder().canEncode(serializerName)) {
            throw new IllegalArgumentException("A serializer name must be 1 to " + MAX_NAME_LENGTH
                    + " ASCII characters: '" + serializerName + "'");
        }
        byte[] header = new byte[4 + name.length];
        header[0] = MAGIC_0;
        header[1] = MAGIC_1;
        header[2] = VERSION;
        header[3] = (byte) name.length;
        System.arraycopy(name, 0, header, 4, name.length);
        return header;
    }

    /**
     * Reads the header at {@code frame}'s position and leaves the position at the payload.
     *
     * @return the name of the serializer that wrote the frame
     */
    static String readHeader(ByteBuffer frame) throws IpcSerializationException {
        if (frame.remaining() < 4) {
            throw new IpcSerializationException("Expected a message header of at least 4 bytes, got a frame of "
                    + frame.remaining() + " bytes");
        }
        int start = frame.position();
        byte m0 = frame.get(start);
        byte m1 = frame.get(start + 1);
        byte version = frame.get(start + 2);
        int nameLength = frame.get(start + 3) & 0xff;
        if (m0 != MAGIC_0 || m1 != MAGIC_1) {
            throw new IpcSerializationException(String.format(
                    "Expected a message header starting with 0x%02x 0x%02x, got 0x%02x 0x%02x: not a message of "
                            + "this library", MAGIC_0, MAGIC_1, m0 & 0xff, m1 & 0xff));
        }
        if (version != VERSION) {
            throw new IpcSerializationException("Expected message format version " + VERSION + ", got " + version
                    + ": the peer runs an incompatible version of ipc-channel");
        }
        if (nameLength == 0 || nameLength > MAX_NAME_LENGTH || frame.remaining() < 4 + nameLength) {
            throw new IpcSerializationException("Expected a serializer name of 1 to " + MAX_NAME_LENGTH
                    + " bytes within the frame, got a declared length of " + nameLength + " in a frame of "
                    + frame.remaining() + " bytes");
        }
        byte[] name = new byte[nameLength];
        frame.position(start + 4);
        frame.get(name);
        return new String(name, StandardCharsets.US_ASCII);
    }

    /** Whether the header at {@code frame}'s position names {@code expected}, without allocating. */
    static boolean hasSerializer(ByteBuffer frame, byte[] expectedHeader) {
        if (frame.remaining() < expectedHeader.length) {
            return false;
        }
        int start = frame.position();
        for (int i = 0; i < expectedHeader.length; i++) {
            if (frame.get(start + i) != expectedHeader[i]) {
                return false;
            }
        }
        return true;
    }
}
