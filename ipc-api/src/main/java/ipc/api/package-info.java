/**
 * Typed channels between threads and processes: {@link ipc.api.Ipc}, {@link ipc.api.IpcSender},
 * {@link ipc.api.IpcReceiver}, {@link ipc.api.IpcOneShotServer}, {@link ipc.api.IpcReceiverSet},
 * {@link ipc.api.IpcSharedMemory} and {@link ipc.api.IpcRouter}.
 *
 * <h2>Handles and their lifetime</h2>
 * Every handle is {@link java.lang.AutoCloseable} with an idempotent {@code close()}. Views made with
 * {@code toOpaque()} or {@code to(...)} share one OS handle: closing any of them closes it for all.
 * {@code duplicate()} makes an independent handle. A handle that becomes unreachable without {@code close()} still
 * releases its OS resources, once, after the garbage collector found it unreachable (a phantom reference, as a
 * {@link java.lang.ref.Cleaner} uses); do not rely on it.
 *
 * <h2>Errors</h2>
 * Every I/O failure is an {@link ipc.api.IpcException} (an {@link java.io.IOException}).
 * {@link ipc.api.IpcDisconnectedException} means the other end is gone; {@link ipc.api.IpcSerializationException}
 * means a message could not be encoded or decoded, and consumed only that message.
 */
package ipc.api;
