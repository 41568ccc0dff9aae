/**
 * The Jackson 3 serializer of ipc-channel, named {@code jackson}: messages are encoded with Jackson databind in the
 * CBOR binary format (RFC 8949). See {@link ipc.serde.jackson.JacksonSerializer} for configuration and for what a
 * peer can make the receiver instantiate.
 *
 * <h2>Why CBOR</h2>
 * Jackson offers three general formats for the same databind model (annotations, records, generics all work the
 * same way in each); this module uses CBOR because:
 * <ul>
 *   <li>{@code byte[]} values travel raw, as CBOR byte strings; JSON must Base64 them (a third larger, and encoded
 *       and decoded on every message). Smile can write raw binary too, but only with a non-default option that
 *       both peers must agree on.</li>
 *   <li>Numbers travel in binary with their exact width: no decimal text to format and parse, no float round-trip
 *       surprises, and no long digit strings for a peer to make the receiver parse.</li>
 *   <li>Every item declares its length up front, and Jackson's CBOR parser checks a declared length against the
 *       input actually present before allocating, so a hostile length costs nothing; this module's tests check
 *       it.</li>
 *   <li>CBOR is an IETF standard with implementations in most languages (Rust's {@code ciborium}, for one), so a
 *       non-Java peer can read and write the payload. Smile is a Jackson-specific format whose shared-name and
 *       shared-value back-references make the decoder stateful; JSON is the most portable but pays for it in
 *       size and parsing cost.</li>
 * </ul>
 *
 * <h2>Module path</h2>
 * Message classes are read and written reflectively by Jackson, so the package holding them must be open to it:
 * {@code opens com.example.messages to tools.jackson.databind;} (exporting the package is enough for public
 * records and classes with public members).
 *
 * @provides ipc.api.spi.IpcSerializer the {@code jackson} serializer, {@link ipc.serde.jackson.JacksonSerializer}
 *     with its secure default configuration
 */
module ipc.serde.jackson {
    requires transitive ipc.api;
    requires transitive tools.jackson.databind;
    requires transitive tools.jackson.dataformat.cbor;

    exports ipc.serde.jackson;

    provides ipc.api.spi.IpcSerializer with ipc.serde.jackson.JacksonSerializer;
}
