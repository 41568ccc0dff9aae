package ipc.serde.kryo.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.IntFunction;

/**
 * The JDK collection and map types the walk writes element by element, and the implementation each declared type
 * reads back as. Whatever implementation the sender used ({@code List.of(...)}, an unmodifiable view...), the
 * receiver gets the implementation its declared type names here.
 */
final class Structures {

    /** Initial capacities are capped, so a declared count costs nothing until the elements actually arrive. */
    static final int PRESIZE_LIMIT = 1024;

    private static final Map<Class<?>, IntFunction<Collection<Object>>> COLLECTIONS = Map.ofEntries(
            Map.entry(Collection.class, ArrayList::new),
            Map.entry(List.class, ArrayList::new),
            Map.entry(ArrayList.class, ArrayList::new),
            Map.entry(LinkedList.class, size -> new LinkedList<>()),
            Map.entry(Set.class, LinkedHashSet::new),
            Map.entry(LinkedHashSet.class, LinkedHashSet::new),
            Map.entry(HashSet.class, HashSet::new),
            Map.entry(SortedSet.class, size -> new TreeSet<>()),
            Map.entry(NavigableSet.class, size -> new TreeSet<>()),
            Map.entry(TreeSet.class, size -> new TreeSet<>()),
            Map.entry(Queue.class, ArrayDeque::new),
            Map.entry(Deque.class, ArrayDeque::new),
            Map.entry(ArrayDeque.class, ArrayDeque::new));

    private static final Map<Class<?>, IntFunction<Map<Object, Object>>> MAPS = Map.of(
            Map.class, LinkedHashMap::new,
            LinkedHashMap.class, LinkedHashMap::new,
            HashMap.class, HashMap::new,
            SortedMap.class, size -> new TreeMap<>(),
            NavigableMap.class, size -> new TreeMap<>(),
            TreeMap.class, size -> new TreeMap<>(),
            ConcurrentMap.class, ConcurrentHashMap::new,
            ConcurrentHashMap.class, ConcurrentHashMap::new);

    private Structures() {}

    static boolean isCollection(Class<?> type) {
        return COLLECTIONS.containsKey(type);
    }

    static boolean isMap(Class<?> type) {
        return MAPS.containsKey(type);
    }

    /** Makes the collection a position declared as {@code type} reads back as, for {@code size} elements. */
    static IntFunction<Collection<Object>> collectionFactory(Class<?> type) {
        return COLLECTIONS.get(type);
    }

    static IntFunction<Map<Object, Object>> mapFactory(Class<?> type) {
        return MAPS.get(type);
    }

    /**
     * The registered class a collection or map of an unregistered class travels as in an {@link Kind#OPEN}
     * position ({@code List.of(1)} where {@code Object} is declared): {@code ArrayList}, {@code LinkedHashSet} or
     * {@code LinkedHashMap}; null for anything else.
     */
    static Class<?> substituteFor(Object value) {
        if (value instanceof List<?>) {
            return ArrayList.class;
        }
        if (value instanceof Set<?>) {
            return LinkedHashSet.class;
        }
        if (value instanceof Map<?, ?>) {
            return LinkedHashMap.class;
        }
        return null;
    }
}
