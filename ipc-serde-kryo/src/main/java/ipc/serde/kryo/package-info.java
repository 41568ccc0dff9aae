/**
 * The Kryo 5 serializer of ipc-channel: {@link ipc.serde.kryo.KryoSerializer}.
 *
 * <p>It is found automatically with {@link java.util.ServiceLoader} when this module is on the module path or the
 * class path. Pass an instance to {@link ipc.api.Ipc#channel(Class, ipc.api.spi.IpcSerializer)} to choose it
 * explicitly, or to allow more classes or customise Kryo.
 */
package ipc.serde.kryo;
