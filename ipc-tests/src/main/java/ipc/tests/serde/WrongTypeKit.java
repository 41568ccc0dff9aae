package ipc.tests.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcReceiver;
import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.IpcSerializer;
import ipc.serde.jackson.JacksonSerializer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A message that is not what the receiver expects: of another declared type (an {@link IpcSerializationException}
 * naming the expected type and the serializer), or written by another serializer (one naming both serializers).
 * Either way the channel stays usable for the next message. The other serializers are Jackson (for every
 * serializer but Jackson) and a tiny text serializer named {@code kit-text}.
 */
public abstract class WrongTypeKit extends SerializerKit {

    /**
     * Binds the kit to a serializer.
     *
     * @param fixture the serializer under test and its samples
     */
    protected WrongTypeKit(SerializerFixture fixture) {
        super(fixture);
    }

    private List<IpcSerializer> otherSerializers() {
        List<IpcSerializer> others = new ArrayList<>();
        if (!serializer.name().equals("jackson")) {
            others.add(new JacksonSerializer());
        }
        others.add(new TextSerializer());
        return others;
    }

    /** Sends {@code sent} and reads it as {@code expected}'s type; then sends and reads it properly. */
    private <S, E> void readAsWrongType(Sample<S> sent, Sample<E> expected) throws Exception {
        try (IpcChannel<S> channel = Ipc.channel(sent.type(), serializer)) {
            IpcReceiver<E> wrong = channel.receiver().toOpaque().to(expected.type(), serializer);
            channel.sender().send(sent.value());
            IpcSerializationException e = assertThrows(IpcSerializationException.class,
                    () -> within("decoding", () -> wrong.tryRecv(TIMEOUT)), sent + " read as " + expected);
            assertMentions(e.getMessage(), sent + " read as " + expected, simpleName(expected), serializer.name());
            channel.sender().send(sent.value());
            assertArrived(sent, receive(channel.receiver(), "after the rejected message"),
                    "the channel stays usable after a wrong-type message");
        }
    }

    @Test
    public void recordReadAsAnotherTypeNamesTheExpectedTypeAndTheSerializer() throws Exception {
        readAsWrongType(fixture.record(), fixture.otherType());
    }

    @Test
    public void anotherTypeReadAsTheRecordNamesTheExpectedTypeAndTheSerializer() throws Exception {
        readAsWrongType(fixture.otherType(), fixture.record());
    }

    private <E> void readOthersMessage(IpcSerializer other, Sample<E> expected) throws Exception {
        try (IpcChannel<String> channel = Ipc.channel(String.class, other)) {
            IpcReceiver<E> ours = channel.receiver().toOpaque().to(expected.type(), serializer);
            channel.sender().send("written by " + other.name());
            String what = "a message of '" + other.name() + "' read by '" + serializer.name() + "'";
            IpcSerializationException e = assertThrows(IpcSerializationException.class,
                    () -> within("decoding", () -> ours.tryRecv(TIMEOUT)), what);
            assertMentions(e.getMessage(), what, "'" + other.name() + "'", "'" + serializer.name() + "'");
            channel.sender().send("next");
            assertEquals("next", receive(channel.receiver(), "after the rejected message"),
                    "the channel stays usable after " + what);
        }
    }

    private <S> void othersReadOurMessage(IpcSerializer other, Sample<S> sent) throws Exception {
        try (IpcChannel<S> channel = Ipc.channel(sent.type(), serializer)) {
            IpcReceiver<String> theirs = channel.receiver().toOpaque().to(TypeRef.of(String.class), other);
            channel.sender().send(sent.value());
            String what = "a message of '" + serializer.name() + "' read by '" + other.name() + "'";
            IpcSerializationException e = assertThrows(IpcSerializationException.class,
                    () -> within("decoding", () -> theirs.tryRecv(TIMEOUT)), what);
            assertMentions(e.getMessage(), what, "'" + other.name() + "'", "'" + serializer.name() + "'");
        }
    }

    @Test
    public void messageOfAnotherSerializerNamesBoth() throws Exception {
        for (IpcSerializer other : otherSerializers()) {
            readOthersMessage(other, fixture.record());
        }
    }

    @Test
    public void anotherSerializerReadingOurMessageNamesBoth() throws Exception {
        for (IpcSerializer other : otherSerializers()) {
            othersReadOurMessage(other, fixture.record());
        }
    }
}
