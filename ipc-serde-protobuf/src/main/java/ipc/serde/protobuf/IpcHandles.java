package ipc.serde.protobuf;

import ipc.api.IpcBytesReceiver;
import ipc.api.IpcBytesSender;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSerializationException;
import ipc.api.IpcSharedMemory;
import ipc.api.OpaqueIpcReceiver;
import ipc.api.OpaqueIpcSender;
import ipc.api.TypeRef;
import ipc.serde.protobuf.internal.HandleRegistry;
import ipc.serde.protobuf.proto.Handle;
import java.util.Objects;

/**
 * Puts ipc-channel handles into protobuf messages and takes them out on the other side, through fields of type
 * {@code ipc.serde.protobuf.Handle} ({@link Handle} in Java).
 *
 * <pre>{@code
 * // request.proto
 * import "ipc/serde/protobuf/handle.proto";
 * message Request {
 *   string query = 1;
 *   ipc.serde.protobuf.Handle reply_to = 2;   // an IpcSender<Answer>
 * }
 *
 * // The client sends a request carrying the sender of its answer channel.
 * try (IpcChannel<Answer> answers = Ipc.channel(Answer.class)) {
 *     requests.send(Request.newBuilder()
 *             .setQuery("size")
 *             .setReplyTo(IpcHandles.of(answers.sender()))
 *             .build());
 *     Answer answer = answers.receiver().recv();
 * }
 *
 * // The server takes the sender out, typed, and answers.
 * Request request = requestReceiver.recv();
 * try (IpcSender<Answer> replyTo = IpcHandles.sender(request.getReplyTo(), Answer.class)) {
 *     replyTo.send(Answer.newBuilder().setSize(42).build());
 * }
 * }</pre>
 *
 * <h2>How it works</h2>
 * A protobuf message is immutable, is built before it is sent, and cannot hold a Java object, so a {@link Handle}
 * holds a token, and this process keeps the handle object under it. {@code of(...)} makes such a Handle. When the
 * message is sent, the serializer swaps each Handle's token for the index of its handle in the message's handle
 * table (a handle reached through several Handles travels once). When a message is received, the serializer claims
 * every handle its Handles name and swaps each index for a fresh token; the same index met twice gives the same
 * Handle object. {@code sender(...)}, {@code receiver(...)} and the other getters take a handle out, of the type the
 * application asks for. Tokens never leave the process: a received Handle that holds one is an error.
 *
 * <h2>Where a Handle may be</h2>
 * In any field declared as {@code ipc.serde.protobuf.Handle}, at any depth of the channel's message type: singular,
 * {@code repeated}, {@code map} values, {@code oneof} members, and inside sub-messages of any of these. The serializer
 * works out once per message type which fields can lead to a Handle, and visits only those. It does not look inside
 * {@code google.protobuf.Any} values, extensions, unknown fields, or {@code bytes} fields holding serialized messages:
 * a Handle there is not sent as a handle.
 *
 * <h2>Lifetimes</h2>
 * <ul>
 *   <li>A Handle works only as the very object that {@code of(...)} returned or that a received message holds. A
 *       copy (by {@code toBuilder().build()}, {@code mergeFrom}, or parsing its bytes), an empty Handle, or one
 *       whose index was set by hand names no handle: sending it, or taking a handle out of it, fails. This is also
 *       what keeps anyone from naming a handle of this process by guessing a token.</li>
 *   <li>{@code of(handle)} neither closes nor takes over {@code handle}: the application still closes it when done,
 *       as after sending it in any message, and it must be open when the message is sent. The Handle keeps the
 *       handle object reachable for as long as the Handle itself is reachable.</li>
 *   <li>A handle received in a message stays open while its Handle is reachable. Taking it out gives a view that
 *       shares its OS handle (as {@code toOpaque()} and {@code to(...)} do): taking it out twice gives two views of
 *       one handle, and closing any of them, or calling {@link #close(Handle)}, closes it for all. Close what you
 *       take out. A handle never taken out is closed by the API's cleaner once its Handle is unreachable;
 *       {@link #close(Handle)} closes it at once.</li>
 *   <li>If a received message fails to decode, every handle that came with it is closed.</li>
 * </ul>
 *
 * <h2>Failures</h2>
 * The getters throw {@link IpcSerializationException} when the Handle names no handle or names one of another
 * kind (a receiver where a sender was asked for): both can come from what a peer sent.
 *
 * <h2>Thread safety</h2>
 * Thread-safe; Handle messages are immutable and may be shared between threads.
 */
public final class IpcHandles {

    private IpcHandles() {}

    /** A Handle for {@code sender}, to put into a message. */
    public static Handle of(IpcSender<?> sender) {
        return HandleRegistry.register(Objects.requireNonNull(sender, "sender"));
    }

    /** A Handle for {@code receiver}, to put into a message. */
    public static Handle of(IpcReceiver<?> receiver) {
        return HandleRegistry.register(Objects.requireNonNull(receiver, "receiver"));
    }

    /** A Handle for {@code sender}, to put into a message. */
    public static Handle of(IpcBytesSender sender) {
        return HandleRegistry.register(Objects.requireNonNull(sender, "sender"));
    }

    /** A Handle for {@code receiver}, to put into a message. */
    public static Handle of(IpcBytesReceiver receiver) {
        return HandleRegistry.register(Objects.requireNonNull(receiver, "receiver"));
    }

    /** A Handle for {@code sender}, to put into a message. */
    public static Handle of(OpaqueIpcSender sender) {
        return HandleRegistry.register(Objects.requireNonNull(sender, "sender"));
    }

    /** A Handle for {@code receiver}, to put into a message. */
    public static Handle of(OpaqueIpcReceiver receiver) {
        return HandleRegistry.register(Objects.requireNonNull(receiver, "receiver"));
    }

    /** A Handle for {@code memory}, to put into a message. */
    public static Handle of(IpcSharedMemory memory) {
        return HandleRegistry.register(Objects.requireNonNull(memory, "memory"));
    }

    /**
     * The channel sender {@code handle} stands for, as a sender of {@code type} messages (written by the serializer
     * of the message the Handle came in, for a received one).
     *
     * @throws IpcSerializationException if {@code handle} names no handle, or not a channel sender
     */
    public static <T> IpcSender<T> sender(Handle handle, Class<T> type) throws IpcSerializationException {
        return opaqueSender(handle).to(type);
    }

    /** As {@link #sender(Handle, Class)}, for a generic message type. */
    public static <T> IpcSender<T> sender(Handle handle, TypeRef<T> type) throws IpcSerializationException {
        return opaqueSender(handle).to(type);
    }

    /**
     * The channel receiver {@code handle} stands for, as a receiver of {@code type} messages.
     *
     * @throws IpcSerializationException if {@code handle} names no handle, or not a channel receiver
     */
    public static <T> IpcReceiver<T> receiver(Handle handle, Class<T> type) throws IpcSerializationException {
        return opaqueReceiver(handle).to(type);
    }

    /** As {@link #receiver(Handle, Class)}, for a generic message type. */
    public static <T> IpcReceiver<T> receiver(Handle handle, TypeRef<T> type) throws IpcSerializationException {
        return opaqueReceiver(handle).to(type);
    }

    /**
     * The channel sender {@code handle} stands for, as a bytes sender.
     *
     * @throws IpcSerializationException if {@code handle} names no handle, or not a channel sender
     */
    public static IpcBytesSender bytesSender(Handle handle) throws IpcSerializationException {
        Object object = resolve(handle, "channel sender");
        return object instanceof IpcBytesSender bytes ? bytes : opaqueSender(handle).toBytes();
    }

    /**
     * The channel receiver {@code handle} stands for, as a bytes receiver.
     *
     * @throws IpcSerializationException if {@code handle} names no handle, or not a channel receiver
     */
    public static IpcBytesReceiver bytesReceiver(Handle handle) throws IpcSerializationException {
        Object object = resolve(handle, "channel receiver");
        return object instanceof IpcBytesReceiver bytes ? bytes : opaqueReceiver(handle).toBytes();
    }

    /**
     * The channel sender {@code handle} stands for, untyped.
     *
     * @throws IpcSerializationException if {@code handle} names no handle, or not a channel sender
     */
    public static OpaqueIpcSender opaqueSender(Handle handle) throws IpcSerializationException {
        Object object = resolve(handle, "channel sender");
        if (object instanceof OpaqueIpcSender opaque) {
            return opaque;
        } else if (object instanceof IpcSender<?> typed) {
            return typed.toOpaque();
        } else if (object instanceof IpcBytesSender bytes) {
            return bytes.toOpaque();
        }
        throw wrongKind(object, "channel sender");
    }

    /**
     * The channel receiver {@code handle} stands for, untyped.
     *
     * @throws IpcSerializationException if {@code handle} names no handle, or not a channel receiver
     */
    public static OpaqueIpcReceiver opaqueReceiver(Handle handle) throws IpcSerializationException {
        Object object = resolve(handle, "channel receiver");
        if (object instanceof OpaqueIpcReceiver opaque) {
            return opaque;
        } else if (object instanceof IpcReceiver<?> typed) {
            return typed.toOpaque();
        } else if (object instanceof IpcBytesReceiver bytes) {
            return bytes.toOpaque();
        }
        throw wrongKind(object, "channel receiver");
    }

    /**
     * The shared-memory region {@code handle} stands for.
     *
     * @throws IpcSerializationException if {@code handle} names no handle, or not a shared-memory region
     */
    public static IpcSharedMemory sharedMemory(Handle handle) throws IpcSerializationException {
        Object object = resolve(handle, "shared-memory region");
        if (object instanceof IpcSharedMemory memory) {
            return memory;
        }
        throw wrongKind(object, "shared-memory region");
    }

    /**
     * Closes the handle {@code handle} stands for, and so every view of it taken out; for a received handle the
     * application will not use. Does nothing if {@code handle} names no handle.
     */
    public static void close(Handle handle) {
        Object object = HandleRegistry.lookup(Objects.requireNonNull(handle, "handle"));
        if (object != null) {
            HandleKinds.close(object);
        }
    }

    private static Object resolve(Handle handle, String expected) throws IpcSerializationException {
        Object object = HandleRegistry.lookup(Objects.requireNonNull(handle, "handle"));
        if (object == null) {
            throw new IpcSerializationException("Expected a " + expected + " in the Handle, but it names no handle"
                    + " in this process: " + (handle.hasToken() ? "it is a copy of one (by toBuilder(), mergeFrom or"
                    + " parsing)" : handle.hasIndex() ? "its index was set by hand" : "it is empty (is the field set?)")
                    + "; use the Handle that IpcHandles.of(...) returned or that a received message holds");
        }
        return object;
    }

    private static IpcSerializationException wrongKind(Object object, String expected) {
        return new IpcSerializationException("Expected a " + expected + " in the Handle, found a "
                + HandleKinds.describe(object));
    }
}
