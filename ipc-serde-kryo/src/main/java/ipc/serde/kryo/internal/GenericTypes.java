package ipc.serde.kryo.internal;

import ipc.api.spi.Types;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The type walk's arithmetic on {@link Type}s: resolving type variables against a declared type, finding how a
 * class parameterizes one of its supertypes, and the canonical form and text every cache key and fingerprint uses.
 *
 * <p>A resolved type contains no type variables and no wildcards: {@code ? extends X} becomes {@code X}, {@code ?}
 * and {@code ? super X} become {@code Object}, and a variable nothing binds becomes the erasure of its first bound.
 * Resolved types are built with {@link Types}, so equal types are equal objects whatever produced them.
 */
final class GenericTypes {

    private GenericTypes() {}

    /** The erasure of a type: {@code List} for {@code List<Point>}. */
    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType a) {
            return raw(a.getGenericComponentType()).arrayType();
        }
        if (type instanceof WildcardType w) {
            return w.getLowerBounds().length > 0 ? Object.class : raw(w.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> v) {
            return raw(v.getBounds()[0]);
        }
        throw new IllegalArgumentException("Unsupported kind of type: " + type.getTypeName());
    }

    /** {@code type} without wildcards or type variables (see the class comment). */
    static Type normalize(Type type) {
        return resolve(type, Map.of());
    }

    /** Substitutes {@code bindings} in {@code type} and removes wildcards; unbound variables become their erasure. */
    static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof Class<?>) {
            return type;
        }
        if (type instanceof ParameterizedType p) {
            Type[] arguments = typeArray(p.getActualTypeArguments());
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = resolve(arguments[i], bindings);
            }
            return Types.parameterized((Class<?>) p.getRawType(), arguments);
        }
        if (type instanceof GenericArrayType a) {
            return Types.arrayOf(resolve(a.getGenericComponentType(), bindings));
        }
        if (type instanceof WildcardType w) {
            return w.getLowerBounds().length > 0 ? Object.class : resolve(w.getUpperBounds()[0], bindings);
        }
        if (type instanceof TypeVariable<?> v) {
            Type bound = bindings.get(v);
            return bound != null ? bound : raw(v.getBounds()[0]);
        }
        throw new IllegalArgumentException("Unsupported kind of type: " + type.getTypeName());
    }

    /** The type variables of {@code type}'s class bound to its type arguments; empty for a plain class. */
    static Map<TypeVariable<?>, Type> bindings(Type type) {
        if (!(type instanceof ParameterizedType p)) {
            return Map.of();
        }
        TypeVariable<?>[] variables = ((Class<?>) p.getRawType()).getTypeParameters();
        Type[] arguments = p.getActualTypeArguments();
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        for (int i = 0; i < variables.length; i++) {
            bindings.put(variables[i], arguments[i]);
        }
        return bindings;
    }

    /**
     * How the resolved {@code type} parameterizes its supertype {@code target}: {@code Collection<Point>} for
     * {@code ArrayList<Point>} and {@code Collection}.
     */
    static Type supertype(Type type, Class<?> target) {
        Class<?> raw = raw(type);
        if (raw == target) {
            return type;
        }
        Map<TypeVariable<?>, Type> bindings = bindings(type);
        Type superclass = raw.getGenericSuperclass();
        if (superclass != null && target.isAssignableFrom(raw(superclass))) {
            return supertype(resolve(superclass, bindings), target);
        }
        for (Type implemented : raw.getGenericInterfaces()) {
            if (target.isAssignableFrom(raw(implemented))) {
                return supertype(resolve(implemented, bindings), target);
            }
        }
        throw new IllegalArgumentException(raw.getName() + " is not a subtype of " + target.getName());
    }

    /**
     * The type a member declared in {@code declaring} (a field or record component whose generic type is
     * {@code member}) has in the resolved {@code owner}, whose class is or extends {@code declaring}.
     */
    static Type memberType(Type owner, Class<?> declaring, Type member) {
        return resolve(member, bindings(supertype(owner, declaring)));
    }

    /** A copy whose component type is {@code Type}, so any kind of type can be stored in it. */
    static Type[] typeArray(Type[] types) {
        return Arrays.copyOf(types, types.length, Type[].class);
    }

    /** A canonical text of a resolved type, the same whichever implementation of {@link Type} holds it. */
    static String describe(Type type) {
        if (type instanceof Class<?> c) {
            return c.isArray() ? describe(c.getComponentType()) + "[]" : c.getName();
        }
        if (type instanceof ParameterizedType p) {
            StringBuilder text = new StringBuilder(((Class<?>) p.getRawType()).getName()).append('<');
            Type[] arguments = p.getActualTypeArguments();
            for (int i = 0; i < arguments.length; i++) {
                text.append(i == 0 ? "" : ",").append(describe(arguments[i]));
            }
            return text.append('>').toString();
        }
        if (type instanceof GenericArrayType a) {
            return describe(a.getGenericComponentType()) + "[]";
        }
        return type.getTypeName();
    }
}
