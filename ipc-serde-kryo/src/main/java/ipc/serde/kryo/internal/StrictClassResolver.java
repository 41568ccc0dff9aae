package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import com.esotericsoftware.kryo.util.IntMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Kryo's class resolver, minus class names. Kryo's {@code DefaultClassResolver} reads a class <em>name</em> from the
 * message when it meets the name tag, and loads that class before checking whether it is registered; this one
 * refuses the tag outright, so a peer can only ever name a class by its registration ID.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe, as Kryo itself: one per Kryo instance.
 */
final class StrictClassResolver extends DefaultClassResolver {

    @Override
    protected Registration readName(Input input) {
        throw new KryoException("The message names a class instead of giving a registration ID; this serializer "
                + "never loads a class a message names");
    }

    @Override
    @SuppressWarnings("rawtypes") // Kryo's signature
    public Registration registerImplicit(Class type) {
        throw new KryoException("Class is not registered: " + type.getName());
    }

    /** Every registration, by ID: the table the two peers must agree on. */
    List<Registration> registrations() {
        List<Registration> all = new ArrayList<>();
        for (IntMap.Entry<Registration> entry : idToRegistration.entries()) {
            all.add(entry.value);
        }
        all.sort(Comparator.comparingInt(Registration::getId));
        return all;
    }
}
