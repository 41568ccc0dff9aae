package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.Serializer;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The serializers of the type walk, one per resolved type, built once and shared by every codec and pooled Kryo of
 * a {@code KryoSerializer}. Recursive types ({@code record Node(List<Node> children)}) work: a serializer is
 * registered before its members are resolved, and a whole build is published only when it completed.
 *
 * <h2>Thread safety</h2>
 * Thread-safe: lookups are lock-free; builds are serialized.
 */
final class SerializerCache {

    private final Set<Class<?>> custom;
    private final Map<Type, Serializer<Object>> ready = new ConcurrentHashMap<>();
    /** Guarded by this: the serializers of the build in progress, complete or not. */
    private final Map<Type, Serializer<Object>> building = new HashMap<>();

    /** @param custom the classes the application registered with its own Kryo serializers */
    SerializerCache(Set<Class<?>> custom) {
        this.custom = custom;
    }

    Kind kindOf(Class<?> type) {
        return Kind.of(type, custom);
    }

    /**
     * How a value is written where the resolved {@code type} is declared.
     *
     * @throws IllegalArgumentException if the walk cannot represent it
     */
    Position position(Type type) {
        Class<?> raw = GenericTypes.raw(type);
        Kind kind = kindOf(raw);
        if (kind == Kind.PRIMITIVE) {
            return new PrimitivePosition(raw);
        }
        if (!Kind.isExact(raw, kind)) {
            return new OpenPosition(type, this);
        }
        boolean registered = switch (kind) {
            case CUSTOM, VALUE, ENUM -> true;
            case ARRAY -> raw.getComponentType().isPrimitive();
            default -> false;
        };
        return new DirectPosition(Boxing.box(raw), GenericTypes.describe(type), registered ? null : serializer(type));
    }

    /**
     * The walk's serializer for values of exactly the resolved {@code type}'s class.
     *
     * @throws IllegalArgumentException if the walk cannot represent it, or the class is not accessible
     */
    Serializer<Object> serializer(Type type) {
        Serializer<Object> known = ready.get(type);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            known = ready.get(type);
            if (known == null) {
                known = building.get(type);
            }
            if (known != null) {
                return known;
            }
            boolean outermost = building.isEmpty();
            try {
                Serializer<Object> built = build(type);
                if (outermost) {
                    ready.putAll(building);
                }
                return built;
            } finally {
                if (outermost) {
                    building.clear();
                }
            }
        }
    }

    /** Creates the serializer, registers it as being built, then resolves its members' positions. */
    private Serializer<Object> build(Type type) {
        Class<?> raw = GenericTypes.raw(type);
        Kind kind = kindOf(raw);
        String reason = Kind.unsupportedReason(raw, kind);
        if (reason != null) {
            throw new IllegalArgumentException("cannot write a " + raw.getName() + ": " + reason);
        }
        String declared = GenericTypes.describe(type);
        switch (kind) {
            case RECORD -> {
                List<Member> members = Member.ofRecord(type);
                RecordValueSerializer record = accessible(raw, () -> new RecordValueSerializer(raw, members));
                building.put(type, record);
                record.resolve(positions(members));
                return record;
            }
            case FIELDS -> {
                List<Member> members = Member.ofFields(type);
                FieldsValueSerializer fields = accessible(raw, () -> new FieldsValueSerializer(raw, members));
                building.put(type, fields);
                fields.resolve(positions(members));
                return fields;
            }
            case COLLECTION -> {
                CollectionValueSerializer collection = new CollectionValueSerializer(declared,
                        Structures.collectionFactory(raw));
                building.put(type, collection);
                collection.resolve(position(TypeArguments.of(type, java.util.Collection.class, 0)));
                return collection;
            }
            case MAP -> {
                MapValueSerializer map = new MapValueSerializer(declared, Structures.mapFactory(raw));
                building.put(type, map);
                map.resolve(position(TypeArguments.of(type, Map.class, 0)),
                        position(TypeArguments.of(type, Map.class, 1)));
                return map;
            }
            case OPTIONAL -> {
                OptionalValueSerializer optional = new OptionalValueSerializer();
                building.put(type, optional);
                optional.resolve(position(TypeArguments.of(type, java.util.Optional.class, 0)));
                return optional;
            }
            case ARRAY -> {
                Type component = TypeArguments.component(type);
                ArrayValueSerializer array = new ArrayValueSerializer(declared, GenericTypes.raw(component));
                building.put(type, array);
                array.resolve(position(component));
                return array;
            }
            case HANDLE -> {
                HandleValueSerializer handle = new HandleValueSerializer(type);
                building.put(type, handle);
                return handle;
            }
            default -> throw new IllegalArgumentException("cannot write a " + declared + " by itself (" + kind
                    + "): it is written by its registered Kryo serializer");
        }
    }

    private Position[] positions(List<Member> members) {
        Position[] positions = new Position[members.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = position(members.get(i).type());
        }
        return positions;
    }

    private interface Construction<S> {
        S create();
    }

    /** Runs {@code construction}, turning the module system's refusal into advice. */
    private static <S> S accessible(Class<?> type, Construction<S> construction) {
        try {
            return construction.create();
        } catch (InaccessibleObjectException | SecurityException e) {
            Module module = type.getModule();
            throw new IllegalArgumentException("cannot access " + type.getName() + " reflectively: " + e.getMessage()
                    + (module.isNamed() ? ". Add 'opens " + type.getPackageName() + " to ipc.serde.kryo;' to module "
                            + module.getName() : ""), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot prepare " + type.getName() + ": " + e, e);
        }
    }
}
