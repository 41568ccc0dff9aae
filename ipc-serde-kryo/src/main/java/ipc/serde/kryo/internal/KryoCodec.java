package ipc.serde.kryo.internal;

import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.DecodeContext;
import ipc.api.spi.EncodeContext;
import ipc.api.spi.MessageCodec;
import java.nio.ByteBuffer;

/**
 * Encodes and decodes one declared type: the type fingerprint, then the value as the type walk's
 * {@linkplain Position position} for the declared type writes it. Each call borrows a configured Kryo from the
 * codec's pool, so concurrent calls never share one.
 *
 * <h2>Thread safety</h2>
 * Thread-safe.
 *
 * @param <T> the declared type
 */
public final class KryoCodec<T> implements MessageCodec<T> {

    private final TypeRef<T> type;
    private final long fingerprint;
    private final Position root;
    private final SlotPool pool;

    KryoCodec(TypeRef<T> type, long fingerprint, Position root, SlotPool pool) {
        this.type = type;
        this.fingerprint = fingerprint;
        this.root = root;
        this.pool = pool;
    }

    /**
     * This codec as a codec of {@code requested}, which must be the type it was created for.
     *
     * @throws IllegalArgumentException if {@code requested} is another type
     */
    public <U> MessageCodec<U> as(TypeRef<U> requested) {
        if (!requested.equals(type)) {
            throw new IllegalArgumentException("This codec handles " + type + ", not " + requested);
        }
        @SuppressWarnings("unchecked") // Equal type refs stand for the same type.
        MessageCodec<U> same = (MessageCodec<U>) this;
        return same;
    }

    @Override
    public void encode(T value, EncodeContext context) throws IpcSerializationException {
        Slot slot = pool.obtain();
        boolean failed = true;
        try {
            slot.kryo.beginEncoding(context);
            slot.output.begin(context);
            slot.output.writeLong(fingerprint);
            root.write(slot.kryo, slot.output, value);
            slot.output.flush();
            failed = false;
        } catch (RuntimeException e) {
            throw Failures.encoding(value, type, e);
        } finally {
            slot.release(failed);
            pool.free(slot);
        }
    }

    @Override
    public T decode(ByteBuffer data, DecodeContext context) throws IpcSerializationException {
        int size = data.remaining();
        if (size < Long.BYTES) {
            throw Failures.tooShort(type, size);
        }
        Slot slot = pool.obtain();
        boolean failed = true;
        try {
            if (data.hasArray()) {
                slot.input.wrap(data.array(), data.arrayOffset() + data.position(), size);
            } else {
                slot.readCopyOf(data);
            }
            long found = slot.input.readLong();
            if (found != fingerprint) {
                throw Failures.otherType(type, fingerprint, found);
            }
            slot.kryo.beginDecoding(context);
            Object value = root.read(slot.kryo, slot.input);
            if (slot.input.remaining() != 0) {
                throw Failures.trailing(type, size, slot.input.remaining());
            }
            failed = false;
            @SuppressWarnings("unchecked") // The root position reads the declared type's class.
            T typed = (T) value;
            return typed;
        } catch (RuntimeException e) {
            throw Failures.decoding(type, size, e);
        } finally {
            slot.release(failed);
            pool.free(slot);
        }
    }

    @Override
    public String toString() {
        return String.format("KryoCodec<%s>[fingerprint %016x]", type, fingerprint);
    }
}
