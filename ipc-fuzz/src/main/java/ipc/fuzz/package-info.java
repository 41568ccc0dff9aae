/**
 * The fuzzing harness: what every input is held to ({@link ipc.fuzz.ReceiveChecks}), the serializer targets'
 * forged frames ({@link ipc.fuzz.SerializerTarget}), the transport target's forged datagrams
 * ({@link ipc.fuzz.ForgedDatagram}, {@link ipc.fuzz.RawSockets}) and the seed corpus ({@link ipc.fuzz.Seeds}).
 */
package ipc.fuzz;
