package ipc.tests.serde.protobuf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Payloads crafted against protobuf's wire format, decoded as {@code KitPerson} by the kit: each declares far more
 * than it holds, nests beyond any limit, or breaks a rule of the format.
 */
final class ProtobufHostilePayloads {

    /** Wire types (the low three bits of a tag). */
    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;
    private static final int START_GROUP = 3;
    private static final int END_GROUP = 4;
    private static final int INVALID_WIRE_TYPE = 7;
    /** KitPerson's fields: biography (string), tags (repeated string); 9 is not a field of it. */
    private static final int BIOGRAPHY = 1;
    private static final int TAGS = 3;
    private static final int UNDECLARED = 9;
    private static final int DEEPER_THAN_ANY_LIMIT = 150_000;

    private ProtobufHostilePayloads() {}

    static List<byte[]> all() {
        return List.of(
                declaring(BIOGRAPHY, Integer.MAX_VALUE - 8), // a text of almost 2 GiB
                declaring(TAGS, Integer.MAX_VALUE), // a repeated element of 2 GiB
                declaring(UNDECLARED, 1 << 30), // an unknown field of 1 GiB
                nestedGroups(UNDECLARED, DEEPER_THAN_ANY_LIMIT), // unknown groups nested 150,000 deep
                concat(tag(UNDECLARED, END_GROUP), "trailing".getBytes(StandardCharsets.US_ASCII)), // an end-group tag nothing opened
                concat(tag(BIOGRAPHY, INVALID_WIRE_TYPE), new byte[] {1, 2}), // wire type 7 does not exist
                concat(tag(BIOGRAPHY, LENGTH_DELIMITED), new byte[] {2, (byte) 0xc3, 0x28}), // invalid UTF-8
                concat(tag(0, VARINT), new byte[] {1})); // field number 0 does not exist
    }

    /** A tag of {@code field} with a length of {@code length} bytes, followed by three. */
    private static byte[] declaring(int field, int length) {
        return concat(tag(field, LENGTH_DELIMITED), varint(length), new byte[] {1, 2, 3});
    }

    private static byte[] nestedGroups(int field, int depth) {
        byte[] start = tag(field, START_GROUP);
        byte[] end = tag(field, END_GROUP);
        byte[] payload = new byte[depth * (start.length + end.length)];
        for (int i = 0; i < depth; i++) {
            System.arraycopy(start, 0, payload, i * start.length, start.length);
            System.arraycopy(end, 0, payload, depth * start.length + i * end.length, end.length);
        }
        return payload;
    }

    private static byte[] tag(int field, int wireType) {
        return varint((field << 3) | wireType);
    }

    private static byte[] varint(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rest = value;
        while ((rest & ~0x7fL) != 0) {
            out.write((int) ((rest & 0x7f) | 0x80));
            rest >>>= 7;
        }
        out.write((int) rest);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(part -> part.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
