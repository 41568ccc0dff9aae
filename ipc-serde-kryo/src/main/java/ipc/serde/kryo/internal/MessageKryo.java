package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import ipc.api.IpcSerializationException;
import ipc.api.IpcSharedMemory;
import ipc.api.OpaqueIpcReceiver;
import ipc.api.OpaqueIpcSender;
import ipc.api.spi.DecodeContext;
import ipc.api.spi.EncodeContext;
import java.lang.reflect.Type;
import java.util.List;

/**
 * A Kryo with this module's safe settings, carrying the handle table of the message it is encoding or decoding.
 *
 * <p>Settings: registration required, a {@link StrictClassResolver} (no class names), references off, a maximum
 * depth, and an instantiator strategy that needs no bytecode generation ({@link Instantiators}).
 *
 * <h2>Thread safety</h2>
 * Not thread-safe, as Kryo itself: one thread at a time, through the codec's pool.
 */
final class MessageKryo extends Kryo {

    /** Nesting levels (records, collections, maps, arrays, optionals) a message may have, unless configured. */
    static final int DEFAULT_MAX_DEPTH = 256;

    private final StrictClassResolver resolver;
    private EncodeContext encoding;
    private DecodeContext decoding;

    MessageKryo() {
        this(new StrictClassResolver());
    }

    private MessageKryo(StrictClassResolver resolver) {
        super(resolver, null);
        this.resolver = resolver;
        setRegistrationRequired(true);
        setMaxDepth(DEFAULT_MAX_DEPTH);
        setInstantiatorStrategy(new Instantiators.Strategy());
    }

    /** The Kryo of a serializer call: always one of ours, since only this module's codecs call them. */
    static MessageKryo of(Kryo kryo) {
        return (MessageKryo) kryo;
    }

    /** Re-applies the settings an application customizer must not change. */
    void enforceSafeSettings() {
        setRegistrationRequired(true);
        setReferences(false);
    }

    List<Registration> registrations() {
        return resolver.registrations();
    }

    void beginEncoding(EncodeContext context) {
        encoding = context;
    }

    void beginDecoding(DecodeContext context) {
        decoding = context;
    }

    /** Forgets the message's handle table, and any state a failed call left behind. */
    void endMessage(boolean failed) {
        encoding = null;
        decoding = null;
        if (failed) {
            reset();
        }
    }

    int handleIndex(Object handle) {
        if (encoding == null) {
            throw new KryoException("Cannot write an ipc-channel " + handle.getClass().getSimpleName()
                    + " outside an ipc-channel message: handles travel only through IpcSender.send");
        }
        return encoding.handleIndex(handle);
    }

    Object handle(int index, Type declaredType) {
        try {
            return decodeContext().handle(index, declaredType);
        } catch (IpcSerializationException e) {
            throw new KryoException(e.getMessage(), e);
        }
    }

    /** The handle at {@code index} as the opaque type of its kind, for a position declared as {@code Object}. */
    Object opaqueHandle(int index) {
        try {
            Class<?> opaque = switch (decodeContext().kind(index)) {
                case SENDER -> OpaqueIpcSender.class;
                case RECEIVER -> OpaqueIpcReceiver.class;
                case SHARED_MEMORY -> IpcSharedMemory.class;
            };
            return decoding.handle(index, opaque);
        } catch (IpcSerializationException e) {
            throw new KryoException(e.getMessage(), e);
        }
    }

    private DecodeContext decodeContext() {
        if (decoding == null) {
            throw new KryoException("Cannot read an ipc-channel handle outside an ipc-channel message: handles "
                    + "arrive only through IpcReceiver.recv or OpaqueIpcMessage.to");
        }
        return decoding;
    }
}
