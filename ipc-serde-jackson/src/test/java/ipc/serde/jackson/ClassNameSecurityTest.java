package ipc.serde.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.serde.jackson.Shapes.Circle;
import ipc.serde.jackson.Shapes.Drawing;
import ipc.serde.jackson.Shapes.JacksonDefaultsTripwire;
import ipc.serde.jackson.Shapes.ShapeTripwire;
import ipc.serde.jackson.Shapes.Square;
import ipc.serde.jackson.Shapes.Tripwires;
import ipc.serde.jackson.Shapes.TypeTag;
import ipc.serde.testsupport.HostileChannel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;
import tools.jackson.dataformat.cbor.CBORMapper;

/** A peer cannot make the receiver load or instantiate a class by naming it, unless the application allows it. */
class ClassNameSecurityTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String TYPE_ID_PROPERTY = "@class";

    private final CBORMapper plain = new CBORMapper();

    /** {"shape": {"@class": className, "radius": 1.0}}, as a hostile peer would write it. */
    private byte[] drawingNaming(String className) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put(TYPE_ID_PROPERTY, className);
        shape.put("radius", 1.0);
        return plain.writeValueAsBytes(Map.of("shape", shape));
    }

    private static IpcSerializationException refused(HostileChannel<?> channel, byte[] payload) throws Exception {
        channel.sendRaw(payload);
        IpcSerializationException e = assertThrows(IpcSerializationException.class, () -> channel.receiver().recv(),
                "a class named by the peer");
        assertTrue(e.getMessage().contains("jackson") && e.getMessage().contains("PolymorphicTypeValidator"),
                "the message says the validator refused: " + e.getMessage());
        return e;
    }

    @Test
    void classNamedTypeIdsAreRefusedByDefault() {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (IpcChannel<Drawing> channel = Ipc.channel(Drawing.class, new JacksonSerializer())) {
                channel.sender().send(new Drawing(new Circle(2)));
                IpcSerializationException e = assertThrows(IpcSerializationException.class,
                        () -> channel.receiver().recv(), "even a legitimate class name, until allowed");
                assertTrue(e.getMessage().contains(Circle.class.getName()), e.getMessage());

                channel.sender().send(new Drawing(null));
                assertEquals(new Drawing(null), channel.receiver().recv(), "the channel still works");
            }
        });
    }

    @Test
    void hostileClassNameIsNeverLoaded() {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            for (JacksonSerializer serializer : new JacksonSerializer[] {
                    new JacksonSerializer(), JacksonSerializer.withMapper(new CBORMapper())}) {
                try (HostileChannel<Drawing> channel = new HostileChannel<>(TypeRef.of(Drawing.class), serializer)) {
                    refused(channel, drawingNaming(ShapeTripwire.class.getName()));
                    refused(channel, drawingNaming("java.util.ArrayList<" + ShapeTripwire.class.getName() + ">"));
                }
            }
            assertFalse(Tripwires.SHAPE.get(), "the named class was not even initialized");
        });
    }

    @Test
    void jacksonDefaultsWouldLoadIt() {
        Drawing drawing = plain.readValue(drawingNaming(JacksonDefaultsTripwire.class.getName()), Drawing.class);
        assertInstanceOf(JacksonDefaultsTripwire.class, drawing.shape(),
                "Jackson's default validator instantiates any subtype a peer names");
        assertTrue(Tripwires.JACKSON_DEFAULTS.get(), "which runs its static initializer: the tripwires work");
    }

    @Test
    void classValuesAreRefusedByDefault() {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (HostileChannel<TypeTag> channel = new HostileChannel<>(TypeRef.of(TypeTag.class),
                    new JacksonSerializer())) {
                channel.sendRaw(plain.writeValueAsBytes(Map.of("type", Shapes.ClassValueTripwire.class.getName())));
                IpcSerializationException e = assertThrows(IpcSerializationException.class,
                        () -> channel.receiver().recv(), "a Class value naming an arbitrary class");
                assertTrue(e.getMessage().contains("Refusing the class name"), e.getMessage());
            }
            assertFalse(Tripwires.CLASS_VALUE.get(), "the named class was not even initialized");
        });
    }

    @Test
    void applicationValidatorAllowsWhatItNames() {
        PolymorphicTypeValidator circlesOnly = BasicPolymorphicTypeValidator.builder()
                .allowIfSubType(Circle.class.getName())
                .build();
        JacksonSerializer configured = JacksonSerializer.configured(b -> b.polymorphicTypeValidator(circlesOnly));
        JacksonSerializer ownMapper = JacksonSerializer.withMapper(
                CBORMapper.builder().polymorphicTypeValidator(circlesOnly).build());
        assertTimeoutPreemptively(TIMEOUT, () -> {
            for (JacksonSerializer serializer : new JacksonSerializer[] {configured, ownMapper}) {
                try (IpcChannel<Drawing> drawings = Ipc.channel(Drawing.class, serializer);
                        IpcChannel<TypeTag> tags = Ipc.channel(TypeTag.class, serializer)) {
                    drawings.sender().send(new Drawing(new Circle(3)));
                    assertEquals(new Drawing(new Circle(3)), drawings.receiver().recv(), "an allowed subtype");
                    tags.sender().send(new TypeTag(Circle.class));
                    assertEquals(new TypeTag(Circle.class), tags.receiver().recv(), "an allowed Class value");

                    drawings.sender().send(new Drawing(new Square(1)));
                    assertThrows(IpcSerializationException.class, () -> drawings.receiver().recv(),
                            "a subtype the validator does not name");
                }
            }
        });
    }
}
