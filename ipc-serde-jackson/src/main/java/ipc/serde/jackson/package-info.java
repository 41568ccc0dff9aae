/**
 * The Jackson 3 (CBOR) serializer of ipc-channel: {@link ipc.serde.jackson.JacksonSerializer}.
 *
 * <p>It is found automatically with {@link java.util.ServiceLoader} when this module is on the module path or the
 * class path. Pass an instance to {@link ipc.api.Ipc#channel(Class, ipc.api.spi.IpcSerializer)} to choose it
 * explicitly or to use a customised Jackson configuration.
 */
package ipc.serde.jackson;
