package ipc.serde.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcReceiver;
import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.serde.protobuf.fixtures.LabelV1;
import ipc.serde.protobuf.fixtures.LabelV2;
import ipc.serde.protobuf.fixtures.Labelled;
import ipc.serde.protobuf.fixtures.Point;
import ipc.serde.testsupport.HostileChannel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * By default a message with fields its type does not declare, at any depth, is rejected: this is what makes a
 * message of another type a clear error. {@link ProtobufSerializer#allowingUnknownFields()} keeps them instead.
 */
class UnknownFieldsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final LabelV2 NEWER = LabelV2.newBuilder().setLabel("urgent").setPriority(3).build();

    /** Sends {@code sent} and reads it as {@code expected} with {@code serializer}; then checks the channel. */
    private static <S, E> IpcSerializationException readAs(S sent, Class<S> sentType, Class<E> expected,
            ProtobufSerializer serializer) {
        return readAs(sent, sentType, expected, serializer, sent);
    }

    /** As above, checking the channel with {@code good}, a message that decodes. */
    private static <S, E> IpcSerializationException readAs(S sent, Class<S> sentType, Class<E> expected,
            ProtobufSerializer serializer, S good) {
        return assertTimeoutPreemptively(TIMEOUT, () -> {
            try (IpcChannel<S> channel = Ipc.channel(sentType, serializer)) {
                IpcReceiver<E> wrong = channel.receiver().toOpaque().to(TypeRef.of(expected), serializer);
                channel.sender().send(sent);
                IpcSerializationException e = assertThrows(IpcSerializationException.class, wrong::recv,
                        sentType.getSimpleName() + " read as " + expected.getSimpleName());
                HostileChannel.assertExplains("'" + ProtobufSerializer.NAME + "'", e, TypeRef.of(expected));
                channel.sender().send(good);
                assertEquals(good, channel.receiver().recv(), "the channel stays usable");
                return e;
            }
        });
    }

    @Test
    void newerMessageIsRejectedNamingTheFields() {
        IpcSerializationException e = readAs(NEWER, LabelV2.class, LabelV1.class, new ProtobufSerializer());
        assertTrue(e.getMessage().contains("field numbers [2]") && e.getMessage().contains("allowingUnknownFields"),
                "names the unknown field and the way out: " + e.getMessage());
    }

    @Test
    void unknownFieldsDeepDownAreFound() throws Exception {
        LabelV1 plain = LabelV1.newBuilder().setLabel("plain").build();
        LabelV1 newer = LabelV1.parseFrom(NEWER.toByteArray()); // keeps field 2 as an unknown field
        Labelled inList = Labelled.newBuilder().addLabels(plain).addLabels(newer).build();
        Labelled good = Labelled.newBuilder().addLabels(plain).build();
        IpcSerializationException e = readAs(inList, Labelled.class, Labelled.class, new ProtobufSerializer(), good);
        assertTrue(e.getMessage().contains("at labels[1]"), "names where: " + e.getMessage());
        Labelled inMap = Labelled.newBuilder().putByKey("k", newer).build();
        e = readAs(inMap, Labelled.class, Labelled.class, new ProtobufSerializer(), good);
        assertTrue(e.getMessage().contains("at by_key[0].value"), "names where: " + e.getMessage());
    }

    @Test
    void messagesOfOtherTypesAreRejected() {
        ProtobufSerializer serializer = new ProtobufSerializer();
        readAs(Point.newBuilder().setX(1).build(), Point.class, String.class, serializer);
        readAs("text", String.class, Point.class, serializer);
        readAs(NEWER, LabelV2.class, Point.class, serializer);
        readAs(12, Integer.class, String.class, serializer);
    }

    @Test
    void allowingUnknownFieldsKeepsThem() throws Exception {
        ProtobufSerializer lenient = ProtobufSerializer.allowingUnknownFields();
        try (IpcChannel<LabelV2> channel = Ipc.channel(LabelV2.class, lenient)) {
            IpcReceiver<LabelV1> older = channel.receiver().toOpaque().to(TypeRef.of(LabelV1.class), lenient);
            channel.sender().send(NEWER);
            LabelV1 received = assertTimeoutPreemptively(TIMEOUT, older::recv);
            assertEquals("urgent", received.getLabel(), "the known field");
            assertEquals(NEWER, LabelV2.parseFrom(received.toByteArray()), "the unknown field is kept");
        }
    }
}
