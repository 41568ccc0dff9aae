/**
 * Implementation of the protobuf serializer: codecs, the handle registry and the walks over message descriptors.
 * Not exported.
 */
package ipc.serde.protobuf.internal;
