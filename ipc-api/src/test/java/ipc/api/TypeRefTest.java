package ipc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ipc.api.spi.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeRefTest {

    @Test
    void capturesGenericTypeArguments() {
        TypeRef<Map<String, List<Integer>>> ref = new TypeRef<>() {};
        assertEquals("java.util.Map<java.lang.String, java.util.List<java.lang.Integer>>", ref.type().getTypeName(),
                "the anonymous subclass keeps the full type");
        assertEquals(Map.class, ref.rawType(), "raw type is the erasure");
    }

    @Test
    void equalityFollowsTheType() {
        assertEquals(TypeRef.of(String.class), new TypeRef<String>() {}, "class and captured refs are equal");
        assertEquals(new TypeRef<List<String>>() {}, TypeRef.ofType(Types.parameterized(List.class, String.class)),
                "a built parameterized type equals the JDK's");
        assertEquals(new TypeRef<List<String>>() {}.hashCode(),
                TypeRef.ofType(Types.parameterized(List.class, String.class)).hashCode(), "same hash as the JDK's");
        assertNotEquals(new TypeRef<List<String>>() {}, new TypeRef<List<Integer>>() {}, "arguments matter");
    }

    @Test
    void rejectsTypeVariablesAndRawSubclassing() {
        assertThrows(IllegalArgumentException.class, TypeRefTest::typeVariableRef,
                "a type variable cannot be resolved at run time");
        assertThrows(IllegalArgumentException.class, () -> Types.parameterized(Map.class, String.class),
                "Map takes two arguments");
    }

    private static <X> TypeRef<List<X>> typeVariableRef() {
        return new TypeRef<List<X>>() {};
    }

    @Test
    void arrayRawType() {
        assertEquals(byte[].class, TypeRef.of(byte[].class).rawType(), "arrays stay arrays");
        assertEquals(List[].class, new TypeRef<List<String>[]>() {}.rawType(), "generic arrays erase");
    }
}
