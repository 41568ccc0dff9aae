package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.KryoException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import org.objenesis.instantiator.ObjectInstantiator;
import org.objenesis.strategy.InstantiatorStrategy;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Creates instances of plain classes: through their no-argument constructor when they have one (so field
 * initializers run), otherwise through objenesis without running a constructor, as Kryo does. Unlike Kryo's
 * {@code DefaultInstantiatorStrategy} this never generates bytecode (ReflectASM), which fails for classes in named
 * modules.
 */
final class Instantiators {

    private static final StdInstantiatorStrategy WITHOUT_CONSTRUCTOR = new StdInstantiatorStrategy();

    private Instantiators() {}

    /**
     * The instantiator of {@code type}.
     *
     * @throws RuntimeException (such as {@code InaccessibleObjectException}) if the constructor exists but this
     *     module may not call it
     */
    static <T> ObjectInstantiator<T> of(Class<T> type) {
        Constructor<T> constructor;
        try {
            constructor = type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            return WITHOUT_CONSTRUCTOR.newInstantiatorOf(type);
        }
        constructor.setAccessible(true);
        return () -> {
            try {
                return constructor.newInstance();
            } catch (InvocationTargetException e) {
                throw new KryoException("The constructor of " + type.getName() + " failed: " + e.getCause(),
                        e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new KryoException("Cannot create a " + type.getName() + ": " + e, e);
            }
        };
    }

    /**
     * The strategy of every Kryo this module makes, for serializers an application registers (Kryo's
     * {@code FieldSerializer}, say): the same rules as {@link #of}.
     */
    static final class Strategy implements InstantiatorStrategy {
        @Override
        public <T> ObjectInstantiator<T> newInstantiatorOf(Class<T> type) {
            return of(type);
        }
    }
}
