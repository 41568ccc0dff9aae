package ipc.serde.kryo.internal;

import ipc.api.spi.Types;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * The parameterization of a concrete class met where one of its supertypes is declared: {@code ArrayList<Point>} for
 * an {@code ArrayList} where {@code Iterable<Point>} is declared, {@code Circle} for a {@code Circle} where
 * {@code Shape} is. Used for the permitted subclasses of sealed types and for values of {@code OPEN} positions.
 */
final class Subtypes {

    private Subtypes() {}

    /**
     * {@code concrete}, a subclass of the resolved {@code declared}'s class, parameterized to agree with it:
     * {@code ArrayList<Point>} for {@code ArrayList} seen where {@code Iterable<Point>} is declared. Type parameters
     * that the declared type does not determine become their erasure.
     */
    static Type of(Class<?> concrete, Type declared) {
        TypeVariable<?>[] variables = concrete.getTypeParameters();
        if (variables.length == 0) {
            return concrete;
        }
        Map<TypeVariable<?>, Type> bound = new HashMap<>();
        Class<?> target = GenericTypes.raw(declared);
        if (declared instanceof ParameterizedType && target.isAssignableFrom(concrete)) {
            Type view = supertypeKeepingVariables(concrete, target);
            unify(view, declared, bound);
        }
        return GenericTypes.resolve(Types.parameterized(concrete, GenericTypes.typeArray(variables)), bound);
    }

    /** {@code target} as {@code concrete} parameterizes it in terms of {@code concrete}'s own type variables. */
    private static Type supertypeKeepingVariables(Class<?> concrete, Class<?> target) {
        Type current = Types.parameterized(concrete, GenericTypes.typeArray(concrete.getTypeParameters()));
        while (GenericTypes.raw(current) != target) {
            Class<?> raw = GenericTypes.raw(current);
            Map<TypeVariable<?>, Type> bindings = GenericTypes.bindings(current);
            Type next = null;
            Type superclass = raw.getGenericSuperclass();
            if (superclass != null && target.isAssignableFrom(GenericTypes.raw(superclass))) {
                next = substitute(superclass, bindings);
            } else {
                for (Type implemented : raw.getGenericInterfaces()) {
                    if (target.isAssignableFrom(GenericTypes.raw(implemented))) {
                        next = substitute(implemented, bindings);
                        break;
                    }
                }
            }
            if (next == null) {
                return target;
            }
            current = next;
        }
        return current;
    }

    /** Like {@link GenericTypes#resolve} but leaves unbound variables (and wildcards) in place. */
    private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> v) {
            return bindings.getOrDefault(v, v);
        }
        if (type instanceof ParameterizedType p) {
            Type[] arguments = GenericTypes.typeArray(p.getActualTypeArguments());
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = substitute(arguments[i], bindings);
            }
            return Types.parameterized((Class<?>) p.getRawType(), arguments);
        }
        if (type instanceof GenericArrayType a) {
            return Types.arrayOf(substitute(a.getGenericComponentType(), bindings));
        }
        return type;
    }

    private static void unify(Type pattern, Type actual, Map<TypeVariable<?>, Type> bound) {
        if (pattern instanceof TypeVariable<?> v) {
            bound.putIfAbsent(v, actual);
        } else if (pattern instanceof ParameterizedType p && actual instanceof ParameterizedType a
                && p.getRawType() == a.getRawType()) {
            Type[] patterns = p.getActualTypeArguments();
            Type[] actuals = a.getActualTypeArguments();
            for (int i = 0; i < patterns.length; i++) {
                unify(patterns[i], actuals[i], bound);
            }
        } else if (pattern instanceof GenericArrayType p && actual instanceof GenericArrayType a) {
            unify(p.getGenericComponentType(), a.getGenericComponentType(), bound);
        }
    }
}
