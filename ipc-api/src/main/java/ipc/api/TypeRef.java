package ipc.api;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Objects;

/**
 * A type token that keeps generic type arguments at run time: {@code new TypeRef<List<Point>>() {}} or
 * {@code TypeRef.of(Point.class)}.
 *
 * <p>Two type refs are equal when their {@link #type()}s are equal.
 *
 * <h2>Thread safety</h2>
 * Immutable and thread-safe.
 *
 * @param <T> the type represented
 */
public abstract class TypeRef<T> {

    private final Type type;

    /**
     * Captures the type argument of an anonymous subclass, as in {@code new TypeRef<Map<String, Point>>() {}}.
     *
     * @throws IllegalArgumentException if the subclass does not give a concrete type argument
     */
    protected TypeRef() {
        Type superclass = getClass().getGenericSuperclass();
        if (!(superclass instanceof ParameterizedType parameterized)
                || parameterized.getRawType() != TypeRef.class) {
            throw new IllegalArgumentException("TypeRef must be created as new TypeRef<...>() {} with a type argument");
        }
        this.type = checked(parameterized.getActualTypeArguments()[0]);
    }

    private TypeRef(Type type) {
        this.type = checked(type);
    }

    /**
     * A type ref for a plain class.
     *
     * @param type the class
     * @param <T> the class's type
     * @return the type ref
     */
    public static <T> TypeRef<T> of(Class<T> type) {
        return new Explicit<>(Objects.requireNonNull(type, "type"));
    }

    /**
     * A type ref for any reflective type, such as one built with {@link ipc.api.spi.Types#parameterized}. The caller
     * vouches for {@code T}.
     *
     * @param type the type, without type variables
     * @param <T> the type it stands for
     * @return the type ref
     * @throws IllegalArgumentException if {@code type} contains a type variable
     */
    public static <T> TypeRef<T> ofType(Type type) {
        return new Explicit<>(Objects.requireNonNull(type, "type"));
    }

    /** The represented type: a {@link Class}, a {@link ParameterizedType} or a {@link GenericArrayType}. */
    public Type type() {
        return type;
    }

    /** The erasure of {@link #type()}: {@code List.class} for {@code List<Point>}. */
    public Class<?> rawType() {
        return rawClass(type);
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType a) {
            return rawClass(a.getGenericComponentType()).arrayType();
        }
        if (type instanceof WildcardType w) {
            return rawClass(w.getUpperBounds()[0]);
        }
        throw new IllegalArgumentException("Not a concrete type: " + type.getTypeName());
    }

    private static Type checked(Type type) {
        if (type instanceof TypeVariable<?> variable) {
            throw new IllegalArgumentException("TypeRef needs a concrete type, not the type variable "
                    + variable.getName() + "; pass the type explicitly");
        }
        if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                checked(argument);
            }
        } else if (type instanceof GenericArrayType a) {
            checked(a.getGenericComponentType());
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                checked(bound);
            }
        }
        return type;
    }

    @Override
    public final boolean equals(Object other) {
        return other instanceof TypeRef<?> that && type.equals(that.type);
    }

    @Override
    public final int hashCode() {
        return type.hashCode();
    }

    @Override
    public String toString() {
        return type.getTypeName();
    }

    private static final class Explicit<T> extends TypeRef<T> {
        Explicit(Type type) {
            super(type);
        }
    }
}
