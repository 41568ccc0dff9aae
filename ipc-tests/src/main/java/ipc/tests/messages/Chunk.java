package ipc.tests.messages;

/**
 * A large message for ordering tests: every byte of {@code data} is {@code (byte) (sender * 31 + sequence)}, so a
 * receiver can tell a whole chunk from one spliced with another sender's.
 *
 * @param sender which sending thread
 * @param sequence the chunk's position in that thread's stream
 * @param data the filler
 */
public record Chunk(int sender, int sequence, byte[] data) {

    /**
     * A chunk filled with its own pattern.
     *
     * @param sender which sending thread
     * @param sequence the position in that thread's stream
     * @param size the size of {@code data}
     * @return the chunk
     */
    public static Chunk of(int sender, int sequence, int size) {
        byte[] data = new byte[size];
        java.util.Arrays.fill(data, fill(sender, sequence));
        return new Chunk(sender, sequence, data);
    }

    /** The byte that fills a chunk of this sender and sequence. */
    public static byte fill(int sender, int sequence) {
        return (byte) (sender * 31 + sequence);
    }

    /** Whether every byte of {@code data} is this chunk's filler and the size is {@code size}. */
    public boolean isIntact(int size) {
        if (data.length != size) {
            return false;
        }
        byte expected = fill(sender, sequence);
        for (byte b : data) {
            if (b != expected) {
                return false;
            }
        }
        return true;
    }
}
