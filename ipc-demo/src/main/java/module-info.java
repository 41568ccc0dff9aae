/** The demo: a parent JVM hands a worker JVM typed channels and a shared-memory image. */
open module ipc.demo {
    requires ipc.api;
    requires java.management;
}
