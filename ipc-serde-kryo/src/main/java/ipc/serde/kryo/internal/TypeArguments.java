package ipc.serde.kryo.internal;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** The element, key, value or component types of a resolved container type. */
final class TypeArguments {

    private TypeArguments() {}

    /**
     * The {@code index}th type argument of {@code generic} as the resolved {@code type} parameterizes it:
     * {@code Point} for {@code ArrayList<Point>}, {@code Collection} and 0; {@code Object} when {@code type} is raw.
     */
    static Type of(Type type, Class<?> generic, int index) {
        Type view = GenericTypes.supertype(type, generic);
        return view instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    /** The component type of a resolved array type. */
    static Type component(Type type) {
        if (type instanceof GenericArrayType array) {
            return array.getGenericComponentType();
        }
        return ((Class<?>) type).getComponentType();
    }
}
