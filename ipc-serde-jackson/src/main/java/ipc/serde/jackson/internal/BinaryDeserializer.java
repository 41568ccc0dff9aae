package ipc.serde.jackson.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.dataformat.cbor.CBORParser;

/**
 * Reads a {@code byte[]} carried as a CBOR byte string straight into an array of its length: the parser streams the
 * string's content into a {@link BinarySink}, which keeps the first (normally the only) chunk as the result. Jackson's
 * own {@code byte[]} deserializer asks the parser for the finished value instead, and for strings over about 250 KB
 * the parser gathers it in a segmented buffer and copies it out again: twice the allocation, one more copy.
 *
 * <p>Everything else (Base64 text, arrays of numbers, null, CBOR simple values, merging into an existing array,
 * contextual configuration) is left to the wrapped standard deserializer. The parser's bounds stay in force: it
 * checks every declared length against the bytes present and fails as soon as they run out, having handed over only
 * bytes that exist.
 *
 * <h2>Thread safety</h2>
 * Immutable and thread-safe, as Jackson requires of deserializers.
 */
final class BinaryDeserializer extends DelegatingDeserializer {

    BinaryDeserializer(ValueDeserializer<?> standard) {
        super(standard);
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
        return new BinaryDeserializer(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        if (p.currentToken() != JsonToken.VALUE_EMBEDDED_OBJECT || !(p instanceof CBORParser cbor)
                || cbor.isUndefined()) {
            return _delegatee.deserialize(p, ctxt);
        }
        BinarySink sink = new BinarySink();
        cbor.readBinaryValue(ctxt.getBase64Variant(), sink);
        if (!sink.isEmpty()) {
            return sink.toByteArray();
        }
        // Nothing was written: an empty byte string, or an embedded value that is no byte string (a CBOR simple
        // value). The token is complete now, so asking for it reads nothing more.
        Object embedded = cbor.getEmbeddedObject();
        if (embedded == null || embedded instanceof byte[]) {
            return sink.toByteArray();
        }
        return _delegatee.deserialize(p, ctxt);
    }
}
