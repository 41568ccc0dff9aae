/**
 * Service-provider interfaces of ipc-channel: what a platform transport and a serializer implement.
 *
 * <p>Applications do not call these types directly, except to pass an {@link ipc.api.spi.IpcSerializer}
 * to {@link ipc.api.Ipc#channel(Class, IpcSerializer)}. Implementations are found with
 * {@link java.util.ServiceLoader}: a transport provides {@link ipc.api.spi.TransportProvider}, a
 * serializer provides {@link ipc.api.spi.IpcSerializer}.
 *
 * <h2>Division of labour</h2>
 * <ul>
 *   <li>The API owns the message frame header (format version and serializer name), the handle table
 *       and the lifetime of every handle (one phantom-reference safety net, as a {@link java.lang.ref.Cleaner}
 *       registers, per OS handle).</li>
 *   <li>A serializer turns a value into bytes and back. When it meets an API handle
 *       ({@link ipc.api.spi.HandleTypes#isHandleType(Class)}) it writes only the index that
 *       {@link ipc.api.spi.EncodeContext#handleIndex(Object)} gives, and on the way back asks
 *       {@link ipc.api.spi.DecodeContext#handle(int, java.lang.reflect.Type)} for the handle.</li>
 *   <li>A transport moves opaque byte frames together with OS handles ({@link ipc.api.spi.TransportHandle})
 *       between endpoints, and reports readiness over many receivers.</li>
 * </ul>
 */
package ipc.api.spi;
