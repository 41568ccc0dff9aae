package ipc.serde.protobuf.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import java.nio.ByteBuffer;

/**
 * Parses one payload with protobuf's own bounds: every length the payload declares is checked against the bytes
 * that remain before anything is allocated for it, nesting is limited, and the message must end where the payload
 * does.
 */
final class Parsing {

    /** Nesting limit of messages and groups, protobuf's own default, stated so that it cannot drift. */
    static final int MAX_NESTING = 100;

    /**
     * A payload outside the Java heap (a transport's receive buffer) of at most this many bytes is parsed from a copy
     * in an array the thread keeps for the next one: protobuf then makes each {@code bytes} value with one
     * {@code Arrays.copyOfRange}, which the JIT allocates without zeroing, where parsing the buffer itself allocates a
     * zeroed array and copies into it (a 64 KiB message: 49 against 39 us here). Protobuf never shares an array it
     * did not get as immutable, so the values decoded never refer to the kept array. A thread keeps at most this much.
     */
    private static final int KEPT_COPY = 256 * 1024;
    private static final KeptArray COPY = new KeptArray(KEPT_COPY);

    private Parsing() {}

    /**
     * Parses the bytes between {@code data}'s position and limit; {@code data} itself is not moved.
     *
     * @param aliasing whether {@code bytes} fields may share {@code data}'s memory: only for a caller that copies
     *     them out before returning, as the payload buffer is not the codec's to keep
     */
    static <M extends MessageLite> M parse(Parser<M> parser, ByteBuffer data, boolean aliasing)
            throws InvalidProtocolBufferException {
        CodedInputStream input;
        if (data.hasArray()) {
            input = CodedInputStream.newInstance(data.array(), data.arrayOffset() + data.position(), data.remaining());
        } else if (!aliasing && data.remaining() <= KEPT_COPY) {
            byte[] copy = COPY.atLeast(data.remaining());
            data.get(data.position(), copy, 0, data.remaining());
            input = CodedInputStream.newInstance(copy, 0, data.remaining());
        } else {
            input = CodedInputStream.newInstance(data.duplicate());
        }
        input.setRecursionLimit(MAX_NESTING);
        input.enableAliasing(aliasing);
        M message = parser.parseFrom(input);
        // The parse ends at the end of the input (tag 0) or at a stray end-group tag, after which bytes may follow.
        input.checkLastTagWas(0);
        return message;
    }
}
