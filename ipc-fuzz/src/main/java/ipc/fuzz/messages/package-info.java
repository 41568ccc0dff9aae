/**
 * The message types the serializer targets decode: records with strings, numbers, lists, nested records and handles
 * (channel senders and receivers, opaque handles, shared memory) at the top level and below it, as a real
 * application's messages have. The protobuf target's counterpart is generated from {@code ipc/fuzz/order.proto}
 * into {@code ipc.fuzz.messages.proto}.
 */
package ipc.fuzz.messages;
