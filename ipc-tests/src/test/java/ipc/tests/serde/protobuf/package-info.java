/**
 * The serializer conformance kit run against the protobuf serializer, over the messages of
 * {@code src/test/proto/ipc/tests/serde/protobuf/kit.proto} (generated at build time).
 */
package ipc.tests.serde.protobuf;
