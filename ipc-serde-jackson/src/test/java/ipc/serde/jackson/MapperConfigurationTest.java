package ipc.serde.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.IpcSerializer;
import ipc.serde.jackson.Messages.Person;
import ipc.serde.jackson.Messages.Point;
import ipc.serde.jackson.Messages.WithSender;
import ipc.serde.testsupport.Closer;
import ipc.serde.testsupport.FakeContexts;
import ipc.serde.testsupport.HostileChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.cbor.CBORMapper;

/** The application's Jackson configuration is honoured, and handles keep working whatever it says. */
class MapperConfigurationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    record Account(String ownerName, long balanceCents) {}

    private final CBORMapper plain = new CBORMapper();

    private static <T> T roundTrip(JacksonSerializer serializer, TypeRef<T> type, T value) {
        return assertTimeoutPreemptively(TIMEOUT, () -> {
            try (IpcChannel<T> channel = Ipc.channel(type, serializer)) {
                channel.sender().send(value);
                return channel.receiver().recv();
            }
        });
    }

    /** Sends a sender inside a message and checks that the decoded one delivers. */
    private static void assertHandlesWork(JacksonSerializer serializer) {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (Closer closer = new Closer()) {
                IpcChannel<Point> points = closer.add(Ipc.channel(Point.class, serializer));
                WithSender decoded = roundTrip(serializer, TypeRef.of(WithSender.class), new WithSender(points.sender()));
                closer.add(decoded.handle()).send(new Point(1, 2));
                assertEquals(new Point(1, 2), points.receiver().recv(), "a decoded sender works with " + serializer);
            }
        });
    }

    @Test
    void foundByServiceLoaderUnderItsName() throws Exception {
        List<String> found = ServiceLoader.load(IpcSerializer.class).stream()
                .map(provider -> provider.type().getName()).collect(Collectors.toList());
        assertEquals(List.of(JacksonSerializer.class.getName()), found, "the META-INF/services entry");
        assertEquals("jackson", new JacksonSerializer().name(), "the serializer's name");
        assertInstanceOf(JacksonSerializer.class, Ipc.defaultSerializer(), "the only serializer is the default");
        assertInstanceOf(JacksonSerializer.class, Ipc.serializer("jackson"), "and is found by name");
    }

    @Test
    void applicationMapperIsHonoured() throws Exception {
        CBORMapper snakeCase = CBORMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build();
        JacksonSerializer serializer = JacksonSerializer.withMapper(snakeCase);
        assertNotSame(snakeCase, serializer.mapper(), "the application's mapper is copied, not changed");

        FakeContexts.Encoding encoding = new FakeContexts.Encoding();
        serializer.codec(TypeRef.of(Account.class)).encode(new Account("Ada", 100), encoding);
        Map<String, Object> wire = plain.readValue(encoding.payload(), new TypeReference<Map<String, Object>>() {});
        assertEquals(Map.of("owner_name", "Ada", "balance_cents", 100), wire, "the naming strategy shapes the wire");
        assertEquals(new Account("Bob", 5), roundTrip(serializer, TypeRef.of(Account.class), new Account("Bob", 5)),
                "and reading follows it too");
        assertHandlesWork(serializer);
        assertHandlesWork(JacksonSerializer.withMapper(serializer.mapper()));
    }

    @Test
    void customizerChangesTheDefaults() {
        JacksonSerializer lenient = JacksonSerializer.configured(
                b -> b.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (HostileChannel<Person> strict = new HostileChannel<>(TypeRef.of(Person.class), new JacksonSerializer());
                    HostileChannel<Person> relaxed = new HostileChannel<>(TypeRef.of(Person.class), lenient)) {
                byte[] extraProperty = plain.writeValueAsBytes(Map.of("name", "Ada", "age", 36, "email", "a@b.c"));
                strict.sendRaw(extraProperty);
                assertThrows(IpcSerializationException.class, () -> strict.receiver().recv(),
                        "unknown properties are rejected by default");
                relaxed.sendRaw(extraProperty);
                assertEquals(new Person("Ada", 36), relaxed.receiver().recv(), "and accepted when configured so");
            }
        });
        assertHandlesWork(lenient);
    }

    @Test
    void customizerCannotRemoveHandleSupport() {
        assertHandlesWork(JacksonSerializer.configured(b -> b.removeAllModules()));
    }

    @Test
    void theNestingLimitHoldsInTheMappersThisClassBuilds() throws Exception {
        for (JacksonSerializer serializer : List.of(new JacksonSerializer(),
                JacksonSerializer.configured(builder -> { }))) {
            var codec = serializer.codec(TypeRef.of(Object.class));
            assertEquals(List.of(List.of(0)), FakeContexts.decode(codec, nestedArrays(2)), "two levels");
            FakeContexts.decode(codec, nestedArrays(256));
            IpcSerializationException deeper = assertThrows(IpcSerializationException.class,
                    () -> FakeContexts.decode(codec, nestedArrays(257)), "257 levels");
            assertTrue(deeper.getMessage().contains("nesting depth") && deeper.getMessage().contains("256"),
                    deeper.getMessage());
        }
    }

    /** {@code depth} CBOR arrays of one element each, nested, around the integer 0. */
    private static byte[] nestedArrays(int depth) {
        byte[] payload = new byte[depth + 1];
        java.util.Arrays.fill(payload, 0, depth, (byte) 0x81);
        return payload;
    }
}
