module smoke.consumer {
    requires ipc.serde.kryo;
    opens smoke.consumer to ipc.serde.kryo;
}
