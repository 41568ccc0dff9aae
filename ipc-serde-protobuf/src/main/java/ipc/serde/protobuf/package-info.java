/** Reserved for the protobuf serializer; nothing is implemented here yet (a later issue). */
package ipc.serde.protobuf;
