package ipc.serde.jackson;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcSender;
import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.serde.jackson.Messages.Point;
import ipc.serde.jackson.Messages.WithSender;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Handles used where they cannot travel fail when sending, with the right exception. */
class HandleMisuseTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final JacksonSerializer serializer = new JacksonSerializer();

    @Test
    void handleAsMapKeyIsRefusedWhenSending() {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (IpcChannel<Map<IpcSender<Point>, String>> channel = Ipc.channel(
                    new TypeRef<Map<IpcSender<Point>, String>>() {}, serializer);
                    IpcChannel<Point> points = Ipc.channel(Point.class)) {
                IpcSerializationException e = assertThrows(IpcSerializationException.class,
                        () -> channel.sender().send(Map.of(points.sender(), "key")), "a handle as a map key");
                assertTrue(e.getMessage().contains("cannot be a map key"), "the message says why: " + e.getMessage());
            }
        });
    }

    @Test
    void closedHandleCannotBeSent() {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (IpcChannel<WithSender> channel = Ipc.channel(WithSender.class, serializer)) {
                IpcChannel<Point> points = Ipc.channel(Point.class);
                points.close();
                assertThrows(IllegalStateException.class, () -> channel.sender().send(new WithSender(points.sender())),
                        "the API's misuse error for a closed handle is not masked by the serializer");
            }
        });
    }
}
