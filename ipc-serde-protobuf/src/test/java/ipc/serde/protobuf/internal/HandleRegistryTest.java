package ipc.serde.protobuf.internal;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.DecodeContext;
import ipc.api.spi.MessageCodec;
import ipc.api.spi.TransportHandle;
import ipc.serde.protobuf.fixtures.Everywhere;
import ipc.serde.protobuf.proto.Handle;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry resolves only the very Handle objects it made, and a failed decode leaves nothing in it. */
class HandleRegistryTest {

    /** A table of plain objects posing as senders: the registry keeps whatever the table hands out. */
    private record Table(List<Object> handles) implements DecodeContext {
        @Override
        public int handleCount() {
            return handles.size();
        }

        @Override
        public TransportHandle.Kind kind(int index) {
            return TransportHandle.Kind.SENDER;
        }

        @Override
        public Object handle(int index, Type declaredType) {
            return handles.get(index);
        }
    }

    @SuppressWarnings("unchecked") // Codecs.create makes the codec of the type it is given.
    private static MessageCodec<Everywhere> codec() {
        return (MessageCodec<Everywhere>) Codecs.create(TypeRef.of(Everywhere.class), false);
    }

    @Test
    void onlyTheRegisteredObjectResolves() {
        Object handle = new Object();
        Handle registered = HandleRegistry.register(handle);
        assertSame(handle, HandleRegistry.lookup(registered), "the registered Handle resolves");
        assertNull(HandleRegistry.lookup(registered.toBuilder().build()), "an equal copy does not");
        assertNull(HandleRegistry.lookup(Handle.newBuilder().setIndex(0).build()), "an index does not");
        HandleRegistry.forget(registered);
        assertNull(HandleRegistry.lookup(registered), "a forgotten Handle does not");
    }

    @Test
    void decodingRegistersOneHandlePerIndex() throws IpcSerializationException {
        Object first = new Object();
        Handle zero = Handle.newBuilder().setIndex(0).build();
        Everywhere payload = Everywhere.newBuilder().setDirect(zero).addList(zero).putByName("k", zero).build();
        Everywhere decoded = codec().decode(ByteBuffer.wrap(payload.toByteArray()), new Table(List.of(first)));
        assertSame(decoded.getDirect(), decoded.getList(0), "one Handle object per index");
        assertSame(decoded.getDirect(), decoded.getByNameOrThrow("k"), "in map values too");
        assertSame(first, HandleRegistry.lookup(decoded.getDirect()), "standing for the table's handle");
    }

    @Test
    void failedDecodeLeavesNoEntries() {
        Handle zero = Handle.newBuilder().setIndex(0).build();
        Everywhere payload = Everywhere.newBuilder().setDirect(zero).addList(Handle.newBuilder().setIndex(1)).build();
        int before = HandleRegistry.size();
        assertThrows(IpcSerializationException.class,
                () -> codec().decode(ByteBuffer.wrap(payload.toByteArray()), new Table(List.of(new Object()))),
                "index 1 of a table of 1");
        assertTrue(HandleRegistry.size() <= before, "the entry made for index 0 is dropped: " + before + " before, "
                + HandleRegistry.size() + " after");
    }
}
