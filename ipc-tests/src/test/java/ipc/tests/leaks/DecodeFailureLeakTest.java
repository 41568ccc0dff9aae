package ipc.tests.leaks;

import static ipc.tests.support.LeakCheck.Release.AT_ONCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.IpcSerializer;
import ipc.tests.contract.AllHandlesFixture;
import ipc.tests.leaks.GarbageSerializer.Garbage;
import ipc.tests.messages.AllHandles;
import ipc.tests.messages.Person;
import ipc.tests.support.LeakCheck;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Messages carrying the seven handle types that fail to decode: read as the wrong type, read with another
 * serializer, and garbage under the right serializer's name (small, and large enough to travel in a memfd). The
 * library closes the handles of a failed decode; the channel stays usable.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DecodeFailureLeakTest {

    private static final int ROUNDS = 100;
    private static final int WARM_UPS = 20;
    /** Above the inline limit of 212,952 bytes: travels in a memfd. */
    private static final int LARGE = 300_000;

    @Test
    void wrongType() throws Exception {
        LeakCheck.assertNoGrowth("messages with handles decoded as the wrong type", WARM_UPS, ROUNDS, AT_ONCE, i -> {
            try (AllHandlesFixture source = new AllHandlesFixture();
                    IpcChannel<AllHandles> channel = Ipc.channel(AllHandles.class)) {
                IpcReceiver<Person> wrong = channel.receiver().toOpaque().to(Person.class);
                channel.sender().send(source.handles());
                assertThrows(IpcSerializationException.class, () -> wrong.tryRecv(Leaks.WAIT),
                        "an AllHandles as a Person");
                assertStillUsable(channel);
            }
        });
    }

    @Test
    void otherSerializer() throws Exception {
        IpcSerializer kryo = Ipc.serializer("kryo");
        assertEquals("jackson", Ipc.defaultSerializer().name(), "the build runs these tests with jackson");
        LeakCheck.assertNoGrowth("messages with handles read by another serializer", WARM_UPS, ROUNDS, AT_ONCE, i -> {
            try (AllHandlesFixture source = new AllHandlesFixture();
                    IpcChannel<AllHandles> channel = Ipc.channel(AllHandles.class)) {
                IpcReceiver<AllHandles> mismatched = channel.receiver().toOpaque()
                        .to(TypeRef.of(AllHandles.class), kryo);
                channel.sender().send(source.handles());
                assertThrows(IpcSerializationException.class, () -> mismatched.tryRecv(Leaks.WAIT),
                        "a jackson message read by kryo");
                assertStillUsable(channel);
            }
        });
    }

    @Test
    void garbagePayload() throws Exception {
        GarbageSerializer garbage = new GarbageSerializer(Ipc.defaultSerializer().name());
        List<byte[]> payloads = List.of(
                "{\"sender\":".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xff, 0, (byte) 0xfe, 1, 2, 3},
                "{\"sender\":{\"handle\":99},\"memory\":[1,2]}".getBytes(StandardCharsets.UTF_8),
                filled(LARGE, (byte) '['));
        LeakCheck.assertNoGrowth("garbage payloads with handles", WARM_UPS, ROUNDS, AT_ONCE, i -> {
            try (AllHandlesFixture source = new AllHandlesFixture();
                    IpcChannel<AllHandles> channel = Ipc.channel(AllHandles.class)) {
                AllHandles h = source.handles();
                // A view of the channel's sender (closed with the channel: closing a view closes its sender).
                IpcSender<Garbage> forger = channel.sender().toOpaque().to(TypeRef.of(Garbage.class), garbage);
                forger.send(new Garbage(payloads.get(i % payloads.size()), List.of(h.sender(), h.receiver(),
                        h.bytesSender(), h.bytesReceiver(), h.opaqueSender(), h.opaqueReceiver(), h.memory())));
                assertThrows(IpcSerializationException.class, () -> channel.receiver().tryRecv(Leaks.WAIT),
                        "garbage under the name " + garbage.name());
                assertStillUsable(channel);
            }
        });
    }

    private static byte[] filled(int size, byte value) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, value);
        return bytes;
    }

    /** The next message, with handles, decodes; its handles are closed. */
    private static void assertStillUsable(IpcChannel<AllHandles> channel) throws Exception {
        try (AllHandlesFixture next = new AllHandlesFixture()) {
            channel.sender().send(next.handles());
            Leaks.closeAll(Leaks.recv(channel.receiver()));
        }
    }
}
