package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.serializers.DefaultArraySerializers;
import com.esotericsoftware.kryo.serializers.DefaultSerializers;
import com.esotericsoftware.kryo.serializers.TimeSerializers;
import ipc.api.spi.HandleTypes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The JDK value types every channel allows, at any position, and the classes every channel registers besides the
 * ones its declared type reaches. The order of {@link #register} is part of the wire format.
 *
 * <p>Serializers are given explicitly rather than looked up among Kryo's defaults: the lookup instantiates them
 * reflectively, throwing and catching an exception per attempt, which made a new Kryo cost milliseconds.
 */
final class JdkValues {

    /** Registered by {@code new Kryo()} itself: the primitives (and so their wrappers) and {@code String}. */
    private static final Set<Class<?>> KRYO_BUILT_IN = Set.of(
            boolean.class, Boolean.class, byte.class, Byte.class, short.class, Short.class, char.class,
            Character.class, int.class, Integer.class, long.class, Long.class, float.class, Float.class, double.class,
            Double.class, String.class);

    /**
     * Value types and primitive arrays, with Kryo's serializers for them; each allocates no more than the bytes it
     * reads once {@link BoundedInput} checks the lengths, except Kryo's {@code boolean[]} one, replaced.
     */
    private static final Map<Class<?>, Supplier<Serializer<?>>> VALUES = values();

    /** What a list, set or map of an unregistered class travels as in an {@code Object} position. */
    private static final List<Class<?>> SUBSTITUTES = List.of(ArrayList.class, LinkedHashSet.class,
            LinkedHashMap.class);

    private JdkValues() {}

    private static Map<Class<?>, Supplier<Serializer<?>>> values() {
        Map<Class<?>, Supplier<Serializer<?>>> values = new LinkedHashMap<>();
        values.put(BigInteger.class, DefaultSerializers.BigIntegerSerializer::new);
        values.put(BigDecimal.class, DefaultSerializers.BigDecimalSerializer::new);
        values.put(UUID.class, DefaultSerializers.UUIDSerializer::new);
        values.put(URI.class, DefaultSerializers.URISerializer::new);
        values.put(Instant.class, TimeSerializers.InstantSerializer::new);
        values.put(Duration.class, TimeSerializers.DurationSerializer::new);
        values.put(Period.class, TimeSerializers.PeriodSerializer::new);
        values.put(LocalDate.class, TimeSerializers.LocalDateSerializer::new);
        values.put(LocalTime.class, TimeSerializers.LocalTimeSerializer::new);
        values.put(LocalDateTime.class, TimeSerializers.LocalDateTimeSerializer::new);
        values.put(OffsetDateTime.class, TimeSerializers.OffsetDateTimeSerializer::new);
        values.put(ZonedDateTime.class, TimeSerializers.ZonedDateTimeSerializer::new);
        values.put(boolean[].class, BooleanArraySerializer::new);
        values.put(byte[].class, ValueBytesSerializer::new);
        values.put(char[].class, DefaultArraySerializers.CharArraySerializer::new);
        values.put(short[].class, DefaultArraySerializers.ShortArraySerializer::new);
        values.put(int[].class, DefaultArraySerializers.IntArraySerializer::new);
        values.put(long[].class, DefaultArraySerializers.LongArraySerializer::new);
        values.put(float[].class, DefaultArraySerializers.FloatArraySerializer::new);
        values.put(double[].class, DefaultArraySerializers.DoubleArraySerializer::new);
        return values;
    }

    /** The classes {@code new Kryo()} registers by itself, boxed. */
    static Set<Class<?>> kryoBuiltIn() {
        return KRYO_BUILT_IN;
    }

    /** Whether {@code type} is one of the value types (not arrays or collections). */
    static boolean contains(Class<?> type) {
        return KRYO_BUILT_IN.contains(type) || (VALUES.containsKey(type) && !type.isArray());
    }

    /**
     * Registers the fixed classes on {@code kryo} (after the application's own registrations, which win), giving
     * the walked ones {@code walked} as their registered serializer.
     */
    static void register(Kryo kryo, Serializer<?> walked) {
        VALUES.forEach((type, serializer) -> registerIfAbsent(kryo, type, serializer));
        for (Class<?> type : SUBSTITUTES) {
            registerIfAbsent(kryo, type, () -> walked);
        }
        HandleTypes.handleTypes().stream().sorted(Comparator.comparing(Class::getName))
                .forEach(type -> registerIfAbsent(kryo, type, () -> walked));
    }

    private static void registerIfAbsent(Kryo kryo, Class<?> type, Supplier<Serializer<?>> serializer) {
        if (kryo.getClassResolver().getRegistration(type) == null) {
            kryo.register(type, serializer.get());
        }
    }
}
