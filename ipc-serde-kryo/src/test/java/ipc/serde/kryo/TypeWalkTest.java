package ipc.serde.kryo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import ipc.api.TypeRef;
import ipc.api.spi.MessageCodec;
import ipc.serde.kryo.Messages.Account;
import ipc.serde.kryo.Messages.Box;
import ipc.serde.kryo.Messages.Circle;
import ipc.serde.kryo.Messages.Color;
import ipc.serde.kryo.Messages.Counter;
import ipc.serde.kryo.Messages.Drawing;
import ipc.serde.kryo.Messages.Envelope;
import ipc.serde.kryo.Messages.Node;
import ipc.serde.kryo.Messages.Point;
import ipc.serde.kryo.Messages.Square;
import ipc.serde.testsupport.FakeContexts;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Queue;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What the type walk makes of each kind of declared type, through the codec directly. */
class TypeWalkTest {

    private final KryoSerializer serializer = new KryoSerializer();

    private <T> T roundTrip(TypeRef<T> type, T value) throws Exception {
        MessageCodec<T> codec = serializer.codec(type);
        return FakeContexts.decode(codec, FakeContexts.encode(codec, value));
    }

    @Test
    void enumsIncludingConstantBodies() throws Exception {
        assertSame(Color.BLUE, roundTrip(TypeRef.of(Color.class), Color.BLUE), "an enum constant with a body");
        assertEquals(List.of(Color.RED, Color.BLUE), roundTrip(new TypeRef<List<Color>>() {},
                List.of(Color.RED, Color.BLUE)), "enum constants in a list");
    }

    @Test
    void sealedInterfacesAllowTheirPermittedRecords() throws Exception {
        Drawing drawing = new Drawing(List.of(new Circle(1.5), new Square(2, Color.GREEN)), new Circle(3));
        assertEquals(drawing, roundTrip(TypeRef.of(Drawing.class), drawing), "sealed subtypes, in a list and alone");
    }

    @Test
    void recursiveTypes() throws Exception {
        Node tree = new Node("root", List.of(new Node("a", List.of()), new Node("b", List.of(new Node("c",
                List.of())))));
        assertEquals(tree, roundTrip(TypeRef.of(Node.class), tree), "a record that contains itself");
    }

    @Test
    void plainClassesFieldByField() throws Exception {
        Account account = new Account("ann", 12, List.of("open", "deposit"));
        Account received = roundTrip(TypeRef.of(Account.class), account);
        assertEquals(account, received, "private final fields, no no-argument constructor");
        assertEquals(0, received.cachedHash(), "without a no-argument constructor, no initializer runs");

        Counter counter = roundTrip(TypeRef.of(Counter.class), new Counter(5));
        assertEquals(5, counter.count(), "the field arrives");
        assertEquals("fresh", counter.log(), "the no-argument constructor ran, so the transient field is set");
    }

    @Test
    void declaredCollectionTypesChooseTheImplementation() throws Exception {
        assertInstanceOf(ArrayList.class, roundTrip(new TypeRef<List<Integer>>() {}, List.of(1)), "List");
        assertInstanceOf(LinkedList.class, roundTrip(new TypeRef<LinkedList<Integer>>() {},
                new LinkedList<>(List.of(1))), "LinkedList");
        assertInstanceOf(LinkedHashSet.class, roundTrip(new TypeRef<Set<Integer>>() {}, Set.of(1)), "Set");
        assertEquals(new TreeSet<>(List.of("a", "b")), roundTrip(new TypeRef<SortedSet<String>>() {},
                new TreeSet<>(List.of("b", "a"))), "SortedSet");
        assertInstanceOf(ArrayDeque.class, roundTrip(new TypeRef<Queue<Integer>>() {}, new ArrayDeque<>(List.of(1))),
                "Queue");
        assertInstanceOf(LinkedHashMap.class, roundTrip(new TypeRef<Map<Point, String>>() {},
                Map.of(new Point(1, 1), "p")), "Map with record keys");
        assertInstanceOf(TreeMap.class, roundTrip(new TypeRef<NavigableMap<Long, String>>() {},
                new TreeMap<>(Map.of(1L, "a"))), "NavigableMap");
    }

    @Test
    void objectPositionsCarryTheirClass() throws Exception {
        KryoSerializer allowing = KryoSerializer.builder().allow(Point.class, Color.class).build();
        List<Object> extras = List.of("text", 7, List.of(1, 2), Map.of("k", 3.5), Color.GREEN, Set.of(2L));
        MessageCodec<Envelope> codec = allowing.codec(TypeRef.of(Envelope.class));
        Envelope received = FakeContexts.decode(codec, FakeContexts.encode(codec, new Envelope(new Point(1, 2),
                extras)));
        assertEquals(new Point(1, 2), received.payload(), "an allowed record where Object is declared");
        assertEquals(extras, received.extras(), "scalars, an allowed enum, and List.of, Map.of and Set.of");
        assertInstanceOf(ArrayList.class, received.extras().get(2), "List.of(...) arrives as an ArrayList");
        assertInstanceOf(LinkedHashMap.class, received.extras().get(3), "Map.of(...) arrives as a LinkedHashMap");
        assertInstanceOf(LinkedHashSet.class, received.extras().get(5), "Set.of(...) arrives as a LinkedHashSet");
        Box<Object> box = roundTrip(new TypeRef<Box<Object>>() {}, new Box<>(List.of("a")));
        assertEquals(new Box<Object>(List.of("a")), box, "a type argument Object works as a declared Object");
    }
}
