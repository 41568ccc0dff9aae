/**
 * Test support for the serializer modules ({@code ipc-serde-jackson}, {@code ipc-serde-kryo},
 * {@code ipc-serde-protobuf}): serializer-agnostic helpers their unit tests share. Used at test scope only.
 */
module ipc.serde.testsupport {
    requires transitive ipc.api;
    requires transitive org.junit.jupiter.api;
    requires transitive jdk.management;

    exports ipc.serde.testsupport;
}
