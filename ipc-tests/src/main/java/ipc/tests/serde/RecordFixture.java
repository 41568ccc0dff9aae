package ipc.tests.serde;

import ipc.api.TypeRef;
import ipc.api.spi.IpcSerializer;
import ipc.tests.messages.AllHandles;
import ipc.tests.serde.model.Blob;
import ipc.tests.serde.model.Box;
import ipc.tests.serde.model.Catalog;
import ipc.tests.serde.model.HandleTree;
import ipc.tests.serde.model.Person;
import ipc.tests.serde.model.Point;
import ipc.tests.serde.model.Sparse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The samples of the kit as plain Java records ({@link ipc.tests.serde.model}), for serializers of Java objects
 * such as Jackson and Kryo. Collections are the ones applications write: {@code List.of}, {@code Set.of},
 * {@code Map.of}, {@link ArrayList}, {@link HashMap}, {@link TreeMap}. Subclass to replace a sample.
 *
 * <h2>Thread safety</h2>
 * Immutable; samples are built on each call.
 */
public class RecordFixture implements SerializerFixture {

    /** Every record class the samples use, for a serializer that must be told which classes to allow. */
    public static final List<Class<?>> RECORD_CLASSES = List.of(Person.class, Point.class, Box.class, Catalog.class,
            Sparse.class, Blob.class, HandleTree.class, AllHandles.class);

    private final IpcSerializer serializer;

    /**
     * A fixture for {@code serializer}.
     *
     * @param serializer the serializer under test
     */
    public RecordFixture(IpcSerializer serializer) {
        this.serializer = serializer;
    }

    @Override
    public IpcSerializer serializer() {
        return serializer;
    }

    @Override
    public Sample<?> record() {
        return Sample.of("a person with a 2 KiB name", Person.class, new Person("Ada ".repeat(512), 36));
    }

    @Override
    public Sample<?> generic() {
        Box<Person> box = new Box<>(new Person("Grace", 85), List.of(new Person("Alan", 41), new Person("Kurt", 71)));
        return Sample.of("a Box<Person>", new TypeRef<Box<Person>>() {}, box);
    }

    @Override
    public List<Sample<?>> collections() {
        Map<Long, List<Double>> series = new TreeMap<>(Map.of(1L, List.of(0.5, -2.25), -7L, new ArrayList<>()));
        Catalog catalog = new Catalog(List.of("a", "b", "a"), Set.of(3, 1, 2),
                Map.of("ada", new Person("Ada", 36), "alan", new Person("Alan", 41)), series);
        return List.of(
                Sample.of("a catalog of lists, sets and maps", Catalog.class, catalog),
                Sample.of("a List<Person>", new TypeRef<List<Person>>() {},
                        new ArrayList<>(List.of(new Person("Ada", 36), new Person("Alan", 41)))),
                Sample.of("a Map<Integer, List<String>>", new TypeRef<Map<Integer, List<String>>>() {},
                        Map.of(1, List.of("one"), 2, List.of("two", "deux"))),
                Sample.of("a Set<String>", new TypeRef<Set<String>>() {}, Set.of("x", "y", "z")));
    }

    @Override
    public Sample<?> withNulls() {
        Map<String, String> notes = new HashMap<>();
        notes.put("present", "yes");
        notes.put("absent", null);
        return Sample.of("a record with null fields, elements and map values", Sparse.class,
                new Sparse(null, null, null, Arrays.asList("a", null, "b"), notes));
    }

    @Override
    public Sample<?> empty() {
        return Sample.of("a catalog of empty collections", Catalog.class,
                new Catalog(List.of(), Set.of(), Map.of(), Map.of()));
    }

    @Override
    public Sample<?> large(int minimumBytes) {
        byte[] data = new byte[minimumBytes];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + (i >>> 16));
        }
        return Sample.of(minimumBytes + " bytes in a record", Blob.class, new Blob("large", data))
                .comparedBy(blob -> new Object[] {blob.name(), blob.data()});
    }

    @Override
    public Sample<?> otherType() {
        return Sample.of("a point", Point.class, new Point(1.5, -2.5));
    }

    @Override
    public HandleCarrier<?> handles() {
        return new HandleCarrier<HandleTree>() {
            @Override
            public TypeRef<HandleTree> type() {
                return TypeRef.of(HandleTree.class);
            }

            @Override
            public HandleTree embed(HandleSet h) {
                AllHandles all = new AllHandles(h.sender(), h.receiver(), h.bytesSender(), h.bytesReceiver(),
                        h.opaqueSender(), h.opaqueReceiver(), h.memory());
                return new HandleTree("tree", List.of(Map.of(), Map.of("all", all)),
                        new Box<>(h.senderAgain(), List.of()));
            }

            @Override
            public HandleSet extract(HandleTree tree) {
                AllHandles all = tree.levels().get(1).get("all");
                return new HandleSet(all.sender(), tree.again().content(), all.receiver(), all.bytesSender(),
                        all.bytesReceiver(), all.opaqueSender(), all.opaqueReceiver(), all.memory());
            }
        };
    }
}
