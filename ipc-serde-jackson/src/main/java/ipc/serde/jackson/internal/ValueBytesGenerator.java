package ipc.serde.jackson.internal;

import ipc.api.spi.EncodeContext;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import tools.jackson.core.Base64Variant;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.io.IOContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.dataformat.cbor.CBORConstants;
import tools.jackson.dataformat.cbor.CBORGenerator;

/**
 * Jackson's CBOR generator, except that a large byte string of the value (a {@code byte[]} of at least
 * {@link #HAND_OVER_MIN} bytes) is handed to the message ({@link EncodeContext#writeValueBytes}) instead of being
 * copied through the generator's 16 KB buffer and then into the message: the transport sends it from the value's
 * own array. The bytes written are exactly what {@link CBORGenerator} writes (a definite-length byte string; at this
 * size its minimal length encoding is the 4-byte one).
 *
 * <p>The hand-over happens only while a message is being encoded and the generator writes straight into that
 * message's {@link EncodeContext#output()} (not through an output decorator), and not with string references
 * enabled (which need to see the bytes); otherwise this is {@link CBORGenerator}. It relies on
 * {@code CBORGenerator}'s protected buffer fields, {@code _verifyValueWrite} and {@code _flushBuffer} (jackson-
 * dataformat-cbor 3.3; the module's tests compare its output with Jackson's own byte for byte).
 *
 * <h2>Thread safety</h2>
 * Not thread-safe, as any generator: one encoding call.
 */
final class ValueBytesGenerator extends CBORGenerator {

    /** The smallest byte string handed over: what the message refers to instead of copying. */
    static final int HAND_OVER_MIN = 64 * 1024;

    private static final int LENGTH_MARKER_SIZE = 5;

    ValueBytesGenerator(ObjectWriteContext writeContext, IOContext ioContext, int streamWriteFeatures,
            int formatFeatures, OutputStream out) {
        super(writeContext, ioContext, streamWriteFeatures, formatFeatures, out);
    }

    @Override
    public JsonGenerator writeBinary(Base64Variant variant, byte[] data, int offset, int length)
            throws JacksonException {
        EncodeContext message = data == null || length < HAND_OVER_MIN || _stringRefs != null ? null : message();
        if (message == null) {
            return super.writeBinary(variant, data, offset, length);
        }
        Objects.checkFromIndexSize(offset, length, data.length);
        _verifyValueWrite("write Binary value");
        _ensureSpace(LENGTH_MARKER_SIZE);
        _outputBuffer[_outputTail++] = (byte) (CBORConstants.PREFIX_TYPE_BYTES | CBORConstants.SUFFIX_UINT32_ELEMENTS);
        _outputBuffer[_outputTail++] = (byte) (length >>> 24);
        _outputBuffer[_outputTail++] = (byte) (length >>> 16);
        _outputBuffer[_outputTail++] = (byte) (length >>> 8);
        _outputBuffer[_outputTail++] = (byte) length;
        _flushBuffer();
        try {
            message.writeValueBytes(data, offset, length);
        } catch (IOException e) {
            throw _wrapIOFailure(e);
        }
        _bytesWritten += length;
        return this;
    }

    /** The message being encoded, when this generator writes straight into its output; otherwise null. */
    private EncodeContext message() {
        if (_objectWriteContext instanceof SerializationContext jackson
                && jackson.getAttribute(CallContexts.Key.ENCODE_CONTEXT) instanceof EncodeContext context
                && context.output() == _out) {
            return context;
        }
        return null;
    }
}
