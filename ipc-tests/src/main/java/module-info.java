/**
 * ipc-channel's contract suites and cross-process test support. Open, so that serializers can reflect on the
 * message types it defines and JUnit on its tests. Not deployed.
 */
open module ipc.tests {
    requires transitive ipc.api;
    requires transitive org.junit.jupiter.api;
    requires ipc.serde.jackson;
    requires java.management;

    exports ipc.tests.contract;
    exports ipc.tests.messages;
    exports ipc.tests.support;
    exports ipc.tests.children;
}
