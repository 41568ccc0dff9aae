package ipc.api.spi;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Objects;

/** Builds {@link java.lang.reflect.Type} values, for serializers that model types in their own way.
 *
 * <h2>Thread safety</h2>
 * Stateless and thread-safe; the types it returns are immutable.
 */
public final class Types {

    private Types() {}

    /**
     * A parameterized type such as {@code List<Point>}, equal to the JDK's own representation of the same type.
     *
     * @param raw the generic class
     * @param arguments its type arguments, as many as it declares
     * @return the type
     * @throws IllegalArgumentException if the number of arguments does not match
     */
    public static ParameterizedType parameterized(Class<?> raw, Type... arguments) {
        Objects.requireNonNull(raw, "raw");
        if (raw.getTypeParameters().length != arguments.length) {
            throw new IllegalArgumentException(raw.getName() + " takes " + raw.getTypeParameters().length
                    + " type arguments, got " + arguments.length);
        }
        // Copied into a real Type[]: a TypeVariable[] passed as varargs would reject a Class stored into it later.
        return new ParameterizedTypeImpl(raw, Arrays.copyOf(arguments, arguments.length, Type[].class));
    }

    /**
     * The array type whose components are {@code component}: a {@link Class} for a class component, otherwise a
     * {@link GenericArrayType} equal to the JDK's own (as in {@code List<Point>[]}).
     *
     * @param component the component type
     * @return the array type
     */
    public static Type arrayOf(Type component) {
        Objects.requireNonNull(component, "component");
        if (component instanceof Class<?> c) {
            return c.arrayType();
        }
        return new GenericArrayTypeImpl(component);
    }

    private record GenericArrayTypeImpl(Type component) implements GenericArrayType {
        @Override
        public Type getGenericComponentType() {
            return component;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof GenericArrayType that && component.equals(that.getGenericComponentType());
        }

        @Override
        public int hashCode() {
            return component.hashCode(); // as the JDK's GenericArrayTypeImpl
        }

        @Override
        public String toString() {
            return component.getTypeName() + "[]";
        }
    }

    private static final class ParameterizedTypeImpl implements ParameterizedType {
        private final Class<?> raw;
        private final Type[] arguments;

        ParameterizedTypeImpl(Class<?> raw, Type[] arguments) {
            this.raw = raw;
            this.arguments = arguments;
            for (Type argument : arguments) {
                Objects.requireNonNull(argument, "type argument");
            }
        }

        @Override
        public Type[] getActualTypeArguments() {
            return Arrays.copyOf(arguments, arguments.length, Type[].class);
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return raw.getDeclaringClass();
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof ParameterizedType that)) {
                return false;
            }
            return raw.equals(that.getRawType())
                    && Objects.equals(getOwnerType(), that.getOwnerType())
                    && Arrays.equals(arguments, that.getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            // Same formula as the JDK's ParameterizedTypeImpl, so the two are interchangeable in hash maps.
            return Arrays.hashCode(arguments) ^ Objects.hashCode(getOwnerType()) ^ raw.hashCode();
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(raw.getTypeName()).append('<');
            for (int i = 0; i < arguments.length; i++) {
                text.append(i == 0 ? "" : ", ").append(arguments[i].getTypeName());
            }
            return text.append('>').toString();
        }
    }
}
