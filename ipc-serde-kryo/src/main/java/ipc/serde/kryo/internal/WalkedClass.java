package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * The serializer registered for classes the type walk writes itself (records, plain classes, collections, handles):
 * a marker. Such a class is registered only for its ID; how it is written depends on the type declared where it
 * appears, so the walk picks the serializer, never Kryo's registration.
 *
 * <h2>Thread safety</h2>
 * Stateless and thread-safe.
 */
final class WalkedClass extends Serializer<Object> {

    /** The one marker, shared by every Kryo. */
    static final Serializer<Object> SERIALIZER = new WalkedClass();

    private WalkedClass() {}

    @Override
    public void write(Kryo kryo, Output output, Object object) {
        throw misuse(object.getClass());
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> type) {
        throw misuse(type);
    }

    private static KryoException misuse(Class<?> type) {
        return new KryoException(type.getName() + " is written by ipc-serde-kryo's type walk, not by Kryo's "
                + "registration: use KryoSerializer's codecs, not the Kryo instance directly");
    }
}
