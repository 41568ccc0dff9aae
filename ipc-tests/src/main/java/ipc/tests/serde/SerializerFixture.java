package ipc.tests.serde;

import ipc.api.spi.IpcSerializer;
import java.util.List;

/**
 * What a serializer under test supplies to the conformance kit: the serializer and sample values of its own message
 * model. Each method returns a fresh or immutable sample; the kit never mutates them.
 *
 * <p>Equality: a received value is compared with the sample's value by {@link Sample#comparedBy(java.util.function.Function)}
 * (by default {@link java.util.Objects#deepEquals(Object, Object)}), so records and protobuf messages work as they
 * are.
 *
 * <h2>Thread safety</h2>
 * The kit calls a fixture from one test thread at a time; implementations need not be thread-safe.
 */
public interface SerializerFixture {

    /** The serializer under test; every channel of the kit is created with it. */
    IpcSerializer serializer();

    /**
     * A record-like value (a Java record, a generated message) whose encoding starts with a text of at least 1 KiB
     * and ends with a non-default scalar, so that cutting the encoding at any of 1, n/4, n/2, 3n/4 and n-1 bytes
     * leaves an invalid encoding (the kit checks that each cut is rejected).
     */
    Sample<?> record();

    /**
     * A value of a generic type with its full {@link ipc.api.TypeRef} (such as {@code Box<List<Person>>}). A
     * serializer whose model has no generics returns its closest analog (a message with a repeated message field)
     * and says so in its fixture's javadoc.
     */
    Sample<?> generic();

    /** Values of collection and map types (lists, sets, maps with non-string keys, nested), at least one each. */
    List<Sample<?>> collections();

    /**
     * A value with nulls inside (null fields, null list elements or map values where the model allows them); for
     * protobuf, unset {@code optional} fields and empty sub-messages, presence being proto3's analog of null.
     */
    Sample<?> withNulls();

    /** An empty value: a record of empty strings and collections, or a message with no field set. */
    Sample<?> empty();

    /**
     * A value whose encoding is at least {@code minimumBytes} long (the kit asks for 64 MiB), such as a record
     * holding a {@code byte[]} of that length; compare it by content ({@link Sample#comparedBy}).
     *
     * @param minimumBytes the least size of the encoding
     * @return the sample
     */
    Sample<?> large(int minimumBytes);

    /**
     * A value of another type than {@link #record()}'s such that decoding the encoding of {@code record()} or of
     * {@link #handles()} as this type must fail, and decoding this value's encoding as {@code record()}'s type too:
     * the wrong-declared-type case.
     */
    Sample<?> otherType();

    /** Puts the seven handle types into a value of this serializer's model and takes them out again. */
    HandleCarrier<?> handles();

    /**
     * Payloads crafted against this serializer's own wire format, decoded as {@link #record()}'s type by the
     * bad-input tests on top of the kit's own (random bytes and generic huge-length prefixes): declared lengths far
     * beyond the payload, deep nesting, unknown type tags. Each must be rejected with an
     * {@link ipc.api.IpcSerializationException} or decode to a value, within bounded time and allocation.
     *
     * @return the payloads; none by default
     */
    default List<byte[]> hostilePayloads() {
        return List.of();
    }
}
