/**
 * The Kryo 5 serializer of ipc-channel. Not implemented yet: it arrives with the serializers issue. Until then this
 * module provides nothing.
 */
module ipc.serde.kryo {
    requires ipc.api;
}
