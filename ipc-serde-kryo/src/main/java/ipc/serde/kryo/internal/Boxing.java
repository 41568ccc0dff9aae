package ipc.serde.kryo.internal;

import java.util.Map;

/** The wrapper class of a primitive class. */
final class Boxing {

    private static final Map<Class<?>, Class<?>> WRAPPERS = Map.of(
            boolean.class, Boolean.class, byte.class, Byte.class, short.class, Short.class, char.class,
            Character.class, int.class, Integer.class, long.class, Long.class, float.class, Float.class,
            double.class, Double.class, void.class, Void.class);

    private Boxing() {}

    /** {@code Integer} for {@code int}; any other class unchanged. */
    static Class<?> box(Class<?> type) {
        return type.isPrimitive() ? WRAPPERS.get(type) : type;
    }
}
