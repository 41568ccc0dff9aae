/**
 * The soak test: a coordinator JVM and worker JVMs that exchange typed messages, large payloads and handles through
 * many channels for minutes while workers are killed and restarted, checking exactly-once delivery of every
 * acknowledged message and that the coordinator's descriptors, mappings and memory stay flat. Run it with
 * {@code soak.sh}; see {@link ipc.soak.SoakMain}.
 */
module ipc.soak {
    requires ipc.api;
    requires java.management;

    // The wire records are read and written by the serializer found at run time (Jackson's databind with the
    // default set of modules): opened to whichever it is, since that module is not known at compile time.
    opens ipc.soak;
}
