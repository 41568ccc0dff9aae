/**
 * Implementation of the Jackson serializer: the codec, the Jackson module that writes ipc-channel handles as
 * indexes into a message's handle table, the module that reads large {@code byte[]} values with a single
 * allocation, and the secure mapper defaults. Not exported; nothing here is API.
 */
package ipc.serde.jackson.internal;
