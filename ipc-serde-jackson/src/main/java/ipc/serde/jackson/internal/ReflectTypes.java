package ipc.serde.jackson.internal;

import ipc.api.spi.Types;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Type;
import java.util.Objects;
import tools.jackson.databind.JavaType;

/** Turns Jackson's resolved {@link JavaType}s back into {@link java.lang.reflect.Type}s for the handle table. */
final class ReflectTypes {

    private ReflectTypes() {}

    /**
     * The reflective type equal to the one the JDK reports for the same declaration: a {@link Class}, a
     * {@link java.lang.reflect.ParameterizedType} or a {@link GenericArrayType}.
     */
    static Type of(JavaType type) {
        if (type.isArrayType()) {
            Type component = of(type.getContentType());
            return component instanceof Class<?> plain ? plain.arrayType() : new ArrayOf(component);
        }
        Class<?> raw = type.getRawClass();
        int count = type.containedTypeCount();
        if (count == 0 || count != raw.getTypeParameters().length) {
            return raw;
        }
        Type[] arguments = new Type[count];
        for (int i = 0; i < count; i++) {
            arguments[i] = of(type.containedType(i));
        }
        return Types.parameterized(raw, arguments);
    }

    /** An array of a parameterized type, such as {@code List<Point>[]}; equal to the JDK's representation. */
    private static final class ArrayOf implements GenericArrayType {
        private final Type component;

        ArrayOf(Type component) {
            this.component = component;
        }

        @Override
        public Type getGenericComponentType() {
            return component;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof GenericArrayType that
                    && Objects.equals(component, that.getGenericComponentType());
        }

        @Override
        public int hashCode() {
            // The JDK's formula, so this and the JDK's own instances are interchangeable in hash maps.
            return Objects.hashCode(component);
        }

        @Override
        public String toString() {
            return component.getTypeName() + "[]";
        }
    }
}
