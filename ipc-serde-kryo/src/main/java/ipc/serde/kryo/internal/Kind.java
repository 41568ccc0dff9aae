package ipc.serde.kryo.internal;

import ipc.api.spi.HandleTypes;
import java.lang.reflect.Modifier;
import java.util.Optional;
import java.util.Set;

/**
 * How the type walk treats a class, decided from the class alone (and from which classes the application
 * registered with Kryo itself).
 */
enum Kind {
    /** {@code int}, {@code long}...: written in place, no null marker. */
    PRIMITIVE,
    /** An ipc-channel handle: written as its index in the message's handle table. */
    HANDLE,
    /** A class the application registered with its own Kryo serializer: that serializer writes it. */
    CUSTOM,
    /** An array: its length, then each element as its component type says. */
    ARRAY,
    /** {@link Optional}: presence, then the value. */
    OPTIONAL,
    /** One of the JDK collection types of {@link Structures}: the declared type chooses the implementation. */
    COLLECTION,
    /** One of the JDK map types of {@link Structures}. */
    MAP,
    /** One of the JDK value types of {@link JdkValues}, written by Kryo's own serializer for it. */
    VALUE,
    /** An enum, written by Kryo's enum serializer (the constant's ordinal). */
    ENUM,
    /** A record: its components, through the canonical constructor. */
    RECORD,
    /** Any other concrete class of the application: its instance fields. */
    FIELDS,
    /** {@code Object}, an interface or an abstract class: the value's class is written first, and must be allowed. */
    OPEN;

    /** The packages whose classes the walk never looks into, unless listed in {@link JdkValues} or {@link Structures}. */
    private static final Set<String> PLATFORM_PREFIXES = Set.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    static Kind of(Class<?> type, Set<Class<?>> custom) {
        if (type.isPrimitive()) {
            return PRIMITIVE;
        }
        if (HandleTypes.isHandleType(type)) {
            return HANDLE;
        }
        if (custom.contains(type)) {
            return CUSTOM;
        }
        if (type.isArray()) {
            return ARRAY;
        }
        if (type == Optional.class) {
            return OPTIONAL;
        }
        if (Structures.isCollection(type)) {
            return COLLECTION;
        }
        if (Structures.isMap(type)) {
            return MAP;
        }
        if (JdkValues.contains(type)) {
            return VALUE;
        }
        if (type.isEnum()) {
            return ENUM;
        }
        if (type.isRecord()) {
            return RECORD;
        }
        if (type == Object.class || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return OPEN;
        }
        return FIELDS;
    }

    /**
     * Whether a position declared as {@code type} holds exactly that class (or, for the JDK types, whatever the
     * declared type reads back as), so no class needs to be written; otherwise the position is {@link #OPEN}.
     */
    static boolean isExact(Class<?> type, Kind kind) {
        return switch (kind) {
            case OPEN -> false;
            case CUSTOM, FIELDS -> Modifier.isFinal(type.getModifiers());
            default -> true;
        };
    }

    /** Why the walk cannot look into {@code type}, or null if it can. */
    static String unsupportedReason(Class<?> type, Kind kind) {
        if (kind != FIELDS) {
            return null;
        }
        if (isPlatform(type)) {
            return "it is a JDK class that this serializer does not support (see KryoSerializer's javadoc for "
                    + "the JDK types it supports, or register a Kryo serializer for it)";
        }
        if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic() || type.isHidden()) {
            return "it is an anonymous, local, synthetic or hidden class, which has no stable identity";
        }
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            return "it is an inner (non-static) class, whose instances need an enclosing instance";
        }
        for (Class<?> superclass = type.getSuperclass(); superclass != Object.class;
                superclass = superclass.getSuperclass()) {
            if (isPlatform(superclass)) {
                return "it extends the JDK class " + superclass.getName() + ", whose fields this serializer does "
                        + "not write";
            }
        }
        return null;
    }

    static boolean isPlatform(Class<?> type) {
        String name = type.getName();
        for (String prefix : PLATFORM_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
