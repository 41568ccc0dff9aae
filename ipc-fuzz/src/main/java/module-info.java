/**
 * Fuzzing harness of ipc-channel's receive path (not deployed): the message types the serializer targets decode,
 * the frame and datagram forging, and the properties every input is held to (only {@code IpcException} escapes,
 * bounded waits, bounded allocation, no descriptor leaked). The {@code @FuzzTest} targets are this module's tests.
 *
 * <p>Open, so that the serializers can reflect on the message types; the package is exported unqualified because
 * jnr-ffi implements the small libc binding of this module in an unnamed module.
 */
open module ipc.fuzz {
    requires transitive ipc.api;
    requires ipc.transport.linux;
    requires ipc.serde.jackson;
    requires ipc.serde.kryo;
    requires transitive ipc.serde.protobuf;
    requires ipc.serde.testsupport;
    requires org.jnrproject.ffi;
    requires java.management;
    requires jdk.management;

    exports ipc.fuzz;
    exports ipc.fuzz.messages;
    exports ipc.fuzz.messages.proto;
}
