package ipc.serde.protobuf;

import java.io.ByteArrayOutputStream;

/** Hand-made protobuf wire bytes, for payloads no builder would write. */
final class WireBytes {

    static final int VARINT = 0;
    static final int LENGTH_DELIMITED = 2;
    static final int START_GROUP = 3;
    static final int END_GROUP = 4;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    WireBytes tag(int field, int wireType) {
        return varint(((long) field << 3) | wireType);
    }

    WireBytes varint(long value) {
        long rest = value;
        while ((rest & ~0x7fL) != 0) {
            out.write((int) ((rest & 0x7f) | 0x80));
            rest >>>= 7;
        }
        out.write((int) rest);
        return this;
    }

    WireBytes raw(byte... bytes) {
        out.writeBytes(bytes);
        return this;
    }

    WireBytes repeat(int times, byte... bytes) {
        for (int i = 0; i < times; i++) {
            out.writeBytes(bytes);
        }
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** {@code depth} messages, each the only element of field {@code field} of the one around it. */
    static byte[] nestedMessages(int field, int depth) {
        long[] lengths = new long[depth + 1];
        int tagSize = new WireBytes().tag(field, LENGTH_DELIMITED).bytes().length;
        for (int level = 1; level <= depth; level++) {
            lengths[level] = tagSize + new WireBytes().varint(lengths[level - 1]).bytes().length + lengths[level - 1];
        }
        WireBytes wire = new WireBytes();
        for (int level = depth; level >= 1; level--) {
            wire.tag(field, LENGTH_DELIMITED).varint(lengths[level - 1]);
        }
        return wire.bytes();
    }
}
