package ipc.serde.kryo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esotericsoftware.kryo.io.Output;
import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.MessageCodec;
import ipc.serde.kryo.Messages.Circle;
import ipc.serde.kryo.Messages.Drawing;
import ipc.serde.kryo.Messages.Envelope;
import ipc.serde.kryo.Messages.Point;
import ipc.serde.testsupport.FakeContexts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A peer can name only registered classes, and only by ID; the application decides what is registered. */
class AllowListTest {

    /** Kryo's tag for "a class name follows" (its NAME id, plus 2). */
    private static final int CLASS_NAME_TAG = 1;
    /** Kryo registers String second, with ID 1, written as ID + 2. */
    private static final int STRING_TAG = 1 + 2;
    private static final int UNREGISTERED_TAG = 5000 + 2;

    /** Records every class Kryo asks it for, loading nothing itself. */
    static final class RecordingLoader extends ClassLoader {
        final List<String> requested = new ArrayList<>();

        RecordingLoader() {
            super(AllowListTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            requested.add(name);
            return super.loadClass(name, resolve);
        }
    }

    private final Envelope sample = new Envelope("s", List.of());

    @Test
    void unregisteredClassesAreRefusedWhenSending() throws Exception {
        MessageCodec<Envelope> codec = new KryoSerializer().codec(TypeRef.of(Envelope.class));
        IpcSerializationException e = assertThrows(IpcSerializationException.class,
                () -> FakeContexts.encode(codec, new Envelope(new Point(1, 2), List.of())), "Point is not reachable");
        assertTrue(e.getMessage().contains("allow(Point.class)"), "the message says how to allow it: " + e.getMessage());

        MessageCodec<Envelope> allowing = KryoSerializer.builder().allow(Point.class).build()
                .codec(TypeRef.of(Envelope.class));
        Envelope envelope = new Envelope(new Point(1, 2), List.of(new Point(3, 4)));
        assertEquals(envelope, FakeContexts.decode(allowing, FakeContexts.encode(allowing, envelope)),
                "allowed, the record travels where Object is declared");
    }

    @Test
    void aClassNameInTheMessageIsRefusedWithoutLoadingIt() throws Exception {
        RecordingLoader loader = new RecordingLoader();
        MessageCodec<Envelope> codec = KryoSerializer.configured(kryo -> kryo.setClassLoader(loader))
                .codec(TypeRef.of(Envelope.class));
        byte[] payload = Crafted.payload(codec, sample, output -> {
            output.writeByte(1); // the Envelope is not null; its payload (declared Object) comes next
            output.writeVarInt(CLASS_NAME_TAG, true);
            output.writeVarInt(0, true); // the name's ID in this message
            output.writeString("ipc.serde.kryo.AllowListTest$Tripwire");
        });
        IpcSerializationException e = assertThrows(IpcSerializationException.class,
                () -> FakeContexts.decode(codec, payload), "a class name");
        assertTrue(e.getMessage().contains("never loads a class a message names"), "says why: " + e.getMessage());
        assertEquals(List.of(), loader.requested, "no class was looked up by name");
    }

    @Test
    void anUnregisteredIdIsRefused() throws Exception {
        MessageCodec<Envelope> codec = new KryoSerializer().codec(TypeRef.of(Envelope.class));
        byte[] payload = Crafted.payload(codec, sample, output -> {
            output.writeByte(1); // the Envelope is not null; its payload (declared Object) comes next
            output.writeVarInt(UNREGISTERED_TAG, true);
        });
        IpcSerializationException e = assertThrows(IpcSerializationException.class,
                () -> FakeContexts.decode(codec, payload), "an unknown registration ID");
        assertTrue(e.getMessage().contains("unregistered class ID"), "Kryo says so: " + e.getMessage());
    }

    @Test
    void aRegisteredClassThatIsNotASubtypeIsRefused() throws Exception {
        MessageCodec<Drawing> codec = new KryoSerializer().codec(TypeRef.of(Drawing.class));
        byte[] payload = Crafted.payload(codec, new Drawing(List.of(), new Circle(1)), (Output output) -> {
            output.writeByte(1); // the Drawing is not null
            output.writeByte(1); // its list of shapes is not null
            output.writeVarInt(0, true); // and empty
            output.writeVarInt(STRING_TAG, true); // highlighted: a String where a Shape is declared
            output.writeString("not a shape");
        });
        IpcSerializationException e = assertThrows(IpcSerializationException.class,
                () -> FakeContexts.decode(codec, payload), "a String where a Shape is declared");
        assertTrue(e.getMessage().contains("java.lang.String") && e.getMessage().contains("Shape"),
                "names both: " + e.getMessage());
        assertTrue(e.getMessage().contains("highlighted"), "says where: " + e.getMessage());
    }

    @Test
    void aCustomizerCannotTurnOffRegistration() throws Exception {
        MessageCodec<Envelope> codec = KryoSerializer.configured(kryo -> {
            kryo.setRegistrationRequired(false);
            kryo.setReferences(true);
        }).codec(TypeRef.of(Envelope.class));
        assertThrows(IpcSerializationException.class,
                () -> FakeContexts.encode(codec, new Envelope(new Point(1, 2), List.of())),
                "registration stays required");
        assertEquals(sample, FakeContexts.decode(codec, FakeContexts.encode(codec, sample)), "the rest works");
    }
}
