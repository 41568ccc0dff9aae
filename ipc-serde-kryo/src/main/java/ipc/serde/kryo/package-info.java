/** Reserved for the Kryo serializer; nothing is implemented here yet (a later issue). */
package ipc.serde.kryo;
