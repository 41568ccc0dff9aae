/**
 * The serializer conformance kit: abstract tests that every {@link ipc.api.spi.IpcSerializer} passes, after Netty's
 * {@code testsuite} pattern. A serializer module subclasses each {@code *Kit} class with a one-line constructor
 * that passes its {@link ipc.tests.serde.SerializerFixture}; the fixture supplies the serializer and the sample
 * values its message model can express (records and generics for Jackson and Kryo, generated messages for
 * protobuf). {@link ipc.tests.serde.RecordFixture} is a ready-made fixture for serializers of plain Java records.
 *
 * <p>Every test creates its channels with {@code Ipc.channel(type, serializer)} and never relies on the default
 * serializer, bounds every blocking call, and uses the transport discovery picks (the real OS transport in the
 * builds that run the kit).
 */
package ipc.tests.serde;
