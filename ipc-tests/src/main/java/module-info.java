/**
 * ipc-channel's contract suites, the serializer conformance kit ({@code ipc.tests.serde}) and cross-process test
 * support. Open, so that serializers can reflect on the message types it defines and JUnit on its tests. Not
 * deployed.
 *
 * <p>The serializer modules are {@code requires static}: the kit and its subclasses compile against all of them, and
 * a child JVM of the swap tests can run this module with any one of them (or none) on its module path. Whichever are
 * present are resolved through service binding ({@code ipc.api} uses {@code IpcSerializer}), and then read.
 */
open module ipc.tests {
    requires transitive ipc.api;
    requires transitive org.junit.jupiter.api;
    requires static ipc.serde.jackson;
    requires static ipc.serde.kryo;
    requires static ipc.serde.protobuf;
    requires java.management;
    requires jdk.management;

    exports ipc.tests.contract;
    exports ipc.tests.messages;
    exports ipc.tests.support;
    exports ipc.tests.children;
    exports ipc.tests.serde;
    exports ipc.tests.serde.model;
}
