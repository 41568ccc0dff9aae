/**
 * JMH benchmarks of ipc-channel on the Linux transport, after the benches of Rust's {@code ipc-channel}, and the
 * report generator ({@link ipc.benchmarks.report.Report}) that sets them beside the C floor of {@code bench/floor.c}.
 * The benchmarks are run on the class path by {@code bench/run}; this descriptor lets the module also compile and
 * run on the module path.
 */
module ipc.benchmarks {
    // The benchmark classes' public signatures use the API's types, JMH's Blackhole and the generated messages.
    requires transitive ipc.api;
    requires transitive jmh.core;
    requires transitive com.google.protobuf;
    requires ipc.serde.jackson;
    requires ipc.serde.kryo;
    requires ipc.serde.protobuf;
    requires tools.jackson.databind;
    requires java.management;

    // Message records are read and written reflectively by the serializers; JMH's generated classes live here too.
    opens ipc.benchmarks to ipc.serde.jackson, ipc.serde.kryo, tools.jackson.databind, jmh.core;
    exports ipc.benchmarks;
    // Generated protobuf messages: read by protobuf and the protobuf serializer.
    exports ipc.benchmarks.proto;
    exports ipc.benchmarks.jmh_generated to jmh.core;
}
