package ipc.tests.contract;

import static ipc.tests.contract.Contracts.assertDisconnected;
import static ipc.tests.contract.Contracts.assertNothingQueued;
import static ipc.tests.contract.Contracts.select;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcChannel;
import ipc.api.IpcReceiverSet;
import ipc.api.IpcSelectionResult;
import ipc.api.OpaqueIpcMessage;
import ipc.tests.messages.Person;
import ipc.tests.messages.SenderHolder;
import org.junit.jupiter.api.Test;

/** {@link OpaqueIpcMessage}: decoding, the serializer it names, and who owns its handles. */
public abstract class OpaqueMessageContract {

    private static OpaqueIpcMessage next(IpcReceiverSet set) throws Exception {
        IpcSelectionResult result = select(set, "a message").get(0);
        return assertInstanceOf(IpcSelectionResult.MessageReceived.class, result, "a message, not " + result).message();
    }

    @Test
    public void aLargeBytesMessageDecodesWhole() throws Exception {
        byte[] large = new byte[(1 << 20) + 5];
        new java.util.Random(7).nextBytes(large);
        try (IpcBytesChannel bytes = Ipc.bytesChannel();
                IpcReceiverSet set = IpcReceiverSet.create()) {
            set.add(bytes.receiver());
            bytes.sender().send(large);
            OpaqueIpcMessage raw = next(set);
            assertEquals("bytes", raw.serializerName(), "a large bytes message says so");
            assertArrayEquals(large, raw.to(byte[].class), "and decodes whole, byte for byte");
        }
    }

    @Test
    public void namesTheSerializerThatWroteIt() throws Exception {
        try (IpcChannel<Person> typed = Ipc.channel(Person.class);
                IpcBytesChannel bytes = Ipc.bytesChannel();
                IpcReceiverSet set = IpcReceiverSet.create()) {
            set.add(typed.receiver());
            typed.sender().send(Person.PATRICK);
            OpaqueIpcMessage message = next(set);
            assertEquals(Ipc.defaultSerializer().name(), message.serializerName(), "a typed message names its writer");
            assertEquals(0, message.handleCount(), "a person carries no handles");
            assertEquals(Person.PATRICK, message.to(Person.class), "and decodes");
            assertEquals(Person.PATRICK, message.to(Person.class), "a message without handles may decode again");

            set.add(bytes.receiver());
            bytes.sender().send(new byte[] {5, 6});
            OpaqueIpcMessage raw = next(set);
            assertEquals("bytes", raw.serializerName(), "a bytes message says so");
            assertArrayEquals(new byte[] {5, 6}, raw.to(byte[].class), "a bytes message decodes as byte[]");
        }
    }

    @Test
    public void messageWithHandlesDecodesOnce() throws Exception {
        try (IpcChannel<String> inner = Ipc.channel(String.class);
                IpcChannel<SenderHolder> carrier = Ipc.channel(SenderHolder.class);
                IpcReceiverSet set = IpcReceiverSet.create()) {
            set.add(carrier.receiver());
            carrier.sender().send(new SenderHolder(inner.sender()));
            OpaqueIpcMessage message = next(set);
            SenderHolder first = message.to(SenderHolder.class);
            assertThrows(IllegalStateException.class, () -> message.to(SenderHolder.class),
                    "the handles went to the first decode; a second one cannot have them");
            inner.sender().close();
            assertNothingQueued(inner.receiver(), "the first decode's sender is alive");
            first.handle().close();
            assertDisconnected(inner.receiver(), "no second copy of the sender exists");
        }
    }

    @Test
    public void closingAnUndecodedMessageReleasesItsHandles() throws Exception {
        try (IpcChannel<String> inner = Ipc.channel(String.class);
                IpcChannel<SenderHolder> carrier = Ipc.channel(SenderHolder.class);
                IpcReceiverSet set = IpcReceiverSet.create()) {
            set.add(carrier.receiver());
            carrier.sender().send(new SenderHolder(inner.sender()));
            inner.sender().close();
            OpaqueIpcMessage message = next(set);
            assertEquals(1, message.handleCount(), "the message carries the sender");
            assertNothingQueued(inner.receiver(), "the sender inside the received message counts");
            message.close();
            message.close();
            assertDisconnected(inner.receiver(), "closing the undecoded message closed the sender in it");
            assertThrows(IllegalStateException.class, () -> message.to(SenderHolder.class),
                    "a closed message's handles are gone");
        }
    }
}
