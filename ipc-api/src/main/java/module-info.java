/**
 * ipc-channel's public API: typed channels between threads and processes, after Rust's {@code ipc-channel}.
 *
 * <p>Start with {@link ipc.api.Ipc#channel(Class)}. Channels, shared memory and one-shot servers run on a platform
 * transport ({@code ipc-transport-linux}, {@code ipc-transport-macos}) found at run time through
 * {@link ipc.api.spi.TransportProvider}; messages are encoded by a serializer module ({@code ipc-serde-jackson},
 * {@code ipc-serde-kryo}, {@code ipc-serde-protobuf}) found through {@link ipc.api.spi.IpcSerializer}. This module
 * also contains the {@code inprocess} transport, used only when {@code -Dipc.transport=inprocess} asks for it.
 *
 * @uses ipc.api.spi.TransportProvider
 * @uses ipc.api.spi.IpcSerializer
 * @provides ipc.api.spi.TransportProvider the {@code inprocess} transport (threads of one JVM)
 */
module ipc.api {
    exports ipc.api;
    exports ipc.api.spi;

    uses ipc.api.spi.TransportProvider;
    uses ipc.api.spi.IpcSerializer;

    provides ipc.api.spi.TransportProvider with ipc.api.internal.inprocess.InProcessTransportProvider;
}
