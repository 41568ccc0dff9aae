package ipc.serde.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcReceiver;
import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.serde.jackson.Messages.Point;
import ipc.serde.jackson.Messages.WithReceiver;
import ipc.serde.jackson.Messages.WithSender;
import ipc.serde.testsupport.HostileChannel;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.cbor.CBORMapper;

/** A message whose handle references make no sense fails clearly; handles keep travelling afterwards. */
class BadHandlePayloadTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final TypeRef<WithSender> WITH_SENDER = TypeRef.of(WithSender.class);

    private final JacksonSerializer serializer = new JacksonSerializer();
    private final CBORMapper plain = new CBORMapper();

    /** Sends {"handle": value} with no handles attached and returns the receiver's failure. */
    private IpcSerializationException rejected(Object handleValue, String what) {
        return assertTimeoutPreemptively(TIMEOUT, () -> {
            try (HostileChannel<WithSender> hostile = new HostileChannel<>(WITH_SENDER, serializer);
                    IpcChannel<Point> points = Ipc.channel(Point.class, serializer)) {
                hostile.sendRaw(plain.writeValueAsBytes(Map.of("handle", handleValue)));
                IpcSerializationException e = assertThrows(IpcSerializationException.class,
                        () -> hostile.receiver().recv(), what);
                HostileChannel.assertExplains(JacksonSerializer.NAME, e, WITH_SENDER);

                hostile.sender().send(new WithSender(points.sender()));
                try (var decoded = hostile.receiver().recv().handle()) {
                    decoded.send(new Point(9, 9));
                }
                assertEquals(new Point(9, 9), points.receiver().recv(), "handles still travel after " + what);
                return e;
            }
        });
    }

    @Test
    void indexWithoutHandle() {
        IpcSerializationException e = rejected(3, "an index with no handle behind it");
        assertTrue(e.getMessage().contains("handle index below 0"), "says how many there are: " + e.getMessage());
    }

    @Test
    void negativeIndex() {
        rejected(-1, "a negative index");
    }

    @Test
    void indexBeyondInt() {
        rejected(Long.MAX_VALUE, "an index too large for an int");
    }

    @Test
    void textInsteadOfIndex() {
        IpcSerializationException e = rejected("zero", "a string where a handle index belongs");
        assertTrue(e.getMessage().contains("handle index (an integer)"), "says what belongs: " + e.getMessage());
    }

    @Test
    void senderWhereReceiverIsDeclared() {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (IpcChannel<WithSender> channel = Ipc.channel(WithSender.class, serializer);
                    IpcChannel<Point> points = Ipc.channel(Point.class, serializer)) {
                IpcReceiver<WithReceiver> asReceiver = channel.receiver().toOpaque()
                        .to(TypeRef.of(WithReceiver.class), serializer);
                channel.sender().send(new WithSender(points.sender()));
                IpcSerializationException e = assertThrows(IpcSerializationException.class, asReceiver::recv,
                        "a sender where a receiver is declared");
                HostileChannel.assertExplains(JacksonSerializer.NAME, e, asReceiver.type());
                assertTrue(e.getMessage().contains("channel receiver") && e.getMessage().contains("channel sender"),
                        "says what was expected and what came: " + e.getMessage());
                assertTrue(points.sender().isOpen(), "the local sender is untouched by the failed decode");
            }
        });
    }
}
