package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.KryoException;

/** Kryo's serialization trace ("component (class)" lines) on failures inside records and plain classes. */
final class Traces {

    private Traces() {}

    /** {@code failure} as a KryoException that says it happened at {@code member} of {@code owner}. */
    static KryoException traced(Exception failure, String member, Class<?> owner) {
        KryoException traced = failure instanceof KryoException kryo ? kryo : new KryoException(failure.toString(),
                failure);
        traced.addTrace(member + " (" + owner.getName() + ")");
        return traced;
    }
}
