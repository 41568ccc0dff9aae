package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A Kryo {@link Input} over one whole message in memory that checks every length the message declares against
 * the bytes that remain <em>before</em> allocating for it. Kryo's own {@code readBytes(int)}, {@code readInts(int)},
 * {@code readString()}... allocate the declared size first and only then find the bytes missing; here a payload of
 * a few bytes that claims two gigabytes fails at once.
 *
 * <p>Every element of an array or string takes at least one byte, so "no more elements than remaining bytes" bounds
 * what decoding can allocate by a small multiple of the message size.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: one per pooled Kryo.
 */
final class BoundedInput extends Input {

    /** A scratch buffer for strings that grew beyond this is dropped after the message, not kept in the pool. */
    private static final int KEPT_CHARS = 1 << 16;
    private static final byte[] EMPTY = new byte[0];
    /** The UTF-8 flag of Kryo's string header: without it the string is ASCII with its end marked in-band. */
    private static final int UTF8_FLAG = 0x80;

    BoundedInput() {
        super(EMPTY);
    }

    /** Reads {@code length} bytes of {@code bytes} from {@code offset}; no stream is ever read. */
    void wrap(byte[] bytes, int offset, int length) {
        setBuffer(bytes, offset, length);
    }

    /** Forgets the message and any large scratch buffer, before going back to the pool. */
    void release() {
        setBuffer(EMPTY);
        if (chars.length > KEPT_CHARS) {
            chars = new char[32];
        }
    }

    /** The bytes not read yet. */
    int remaining() {
        return limit - position;
    }

    /**
     * Fails unless {@code count} items of at least {@code bytesEach} bytes each fit in what remains.
     *
     * @param what what is counted, for the message
     * @throws KryoException if they cannot
     */
    void checkFits(long count, int bytesEach, String what) {
        if (count < 0 || count * bytesEach > remaining()) {
            throw new KryoException("The message declares " + count + " " + what + ", but only " + remaining()
                    + " bytes remain");
        }
    }

    @Override
    public void setInputStream(InputStream inputStream) {
        throw new UnsupportedOperationException("A bounded input reads one message held in memory");
    }

    /**
     * {@inheritDoc} One {@link Arrays#copyOfRange} of the message's bytes, which the JIT compiles to an allocation
     * that skips zeroing the array it then fills: for a large {@code byte[]} that is a third of the cost of decoding
     * it (Kryo's own version zeroes a new array, then copies into it).
     */
    @Override
    public byte[] readBytes(int length) {
        checkFits(length, Byte.BYTES, "bytes");
        byte[] bytes = Arrays.copyOfRange(buffer, position, position + length);
        position += length;
        return bytes;
    }

    @Override
    public int[] readInts(int length) {
        checkFits(length, Integer.BYTES, "ints");
        return super.readInts(length);
    }

    @Override
    public int[] readInts(int length, boolean optimizePositive) {
        checkFits(length, varEncoding ? 1 : Integer.BYTES, "ints");
        return super.readInts(length, optimizePositive);
    }

    @Override
    public long[] readLongs(int length) {
        checkFits(length, Long.BYTES, "longs");
        return super.readLongs(length);
    }

    @Override
    public long[] readLongs(int length, boolean optimizePositive) {
        checkFits(length, varEncoding ? 1 : Long.BYTES, "longs");
        return super.readLongs(length, optimizePositive);
    }

    @Override
    public float[] readFloats(int length) {
        checkFits(length, Float.BYTES, "floats");
        return super.readFloats(length);
    }

    @Override
    public double[] readDoubles(int length) {
        checkFits(length, Double.BYTES, "doubles");
        return super.readDoubles(length);
    }

    @Override
    public short[] readShorts(int length) {
        checkFits(length, Short.BYTES, "shorts");
        return super.readShorts(length);
    }

    @Override
    public char[] readChars(int length) {
        checkFits(length, Character.BYTES, "chars");
        return super.readChars(length);
    }

    @Override
    public boolean[] readBooleans(int length) {
        checkFits(length, 1, "booleans");
        return super.readBooleans(length);
    }

    @Override
    public String readString() {
        checkStringLength();
        return super.readString();
    }

    @Override
    public StringBuilder readStringBuilder() {
        checkStringLength();
        return super.readStringBuilder();
    }

    /**
     * A UTF-8 string declares its character count up front, and Kryo sizes its scratch buffer by it; each character
     * takes at least one byte. (An ASCII string has no count: it grows with the bytes actually read.)
     *
     * <p>The count is a five-byte varint, so it can be negative; Kryo subtracts one from it without looking, which
     * turns the most negative count into {@code Integer.MAX_VALUE} characters and any other into a negative length.
     * The check does the same arithmetic and refuses both.
     */
    private void checkStringLength() {
        if (position == limit || (buffer[position] & UTF8_FLAG) == 0) {
            return;
        }
        int start = position;
        int countPlusOne = readVarIntFlag(true); // 0 is null, 1 the empty string
        int afterHeader = position;
        position = start;
        if (countPlusOne == 0 || countPlusOne == 1) {
            return;
        }
        int declared = countPlusOne - 1; // wraps exactly as Kryo's own count does
        if (declared < 0 || declared > limit - afterHeader) {
            throw new KryoException("The message declares a string of " + Integer.toUnsignedString(declared)
                    + " characters, but only " + (limit - afterHeader) + " bytes remain");
        }
    }
}
