/**
 * Serializer-agnostic helpers for serializer unit tests: {@link ipc.serde.testsupport.FakeContexts} to call a codec
 * directly, {@link ipc.serde.testsupport.RawPayloadSerializer} and {@link ipc.serde.testsupport.HostileChannel} to put
 * hand-made payloads behind a genuine frame header, {@link ipc.serde.testsupport.Closer} for the handles a test opens,
 * {@link ipc.serde.testsupport.HandleFixtures} for handles of every type, {@link ipc.serde.testsupport.Allocations}
 * to count allocated bytes, and {@link ipc.serde.testsupport.ChildJvm} to compile and run a consumer module on the
 * module path.
 */
package ipc.serde.testsupport;
