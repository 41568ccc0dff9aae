/**
 * The protobuf serializer ({@link ipc.serde.protobuf.ProtobufSerializer}, named {@code protobuf}) and the helper
 * that carries handles inside protobuf messages ({@link ipc.serde.protobuf.IpcHandles}).
 */
package ipc.serde.protobuf;
