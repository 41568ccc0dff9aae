package ipc.tests.contract;

import static ipc.tests.contract.Contracts.receive;
import static ipc.tests.contract.Contracts.within;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcBytesReceiver;
import ipc.api.IpcBytesSender;
import ipc.api.IpcChannel;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcSender;
import ipc.api.TypeRef;
import ipc.tests.messages.Person;
import ipc.tests.messages.PersonAndOpaqueSender;
import ipc.tests.messages.PersonAndReceiver;
import ipc.tests.messages.PersonAndSender;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Channel ends travelling inside messages: Rust's {@code embedded_*} and {@code multiple_paths_to_a_sender}. */
public abstract class HandlesInMessagesContract {

    private static final byte[] ODD_BYTES = {1, 2, 3, 4, 5, 6, 7};

    @Test
    public void embeddedSenders() throws Exception {
        try (IpcChannel<Person> sub = Ipc.channel(Person.class);
                IpcChannel<PersonAndSender> sup = Ipc.channel(PersonAndSender.class)) {
            sup.sender().send(new PersonAndSender(Person.PATRICK, sub.sender()));
            PersonAndSender received = within("recv", sup.receiver()::recv);
            assertEquals(Person.PATRICK, received.person(), "the value beside the sender");
            received.sender().send(Person.PATRICK);
            assertEquals(Person.PATRICK, within("recv", sub.receiver()::recv), "sent through the received sender");
            received.sender().close();
        }
    }

    @Test
    public void embeddedReceivers() throws Exception {
        try (IpcChannel<Person> sub = Ipc.channel(Person.class);
                IpcChannel<PersonAndReceiver> sup = Ipc.channel(PersonAndReceiver.class)) {
            sup.sender().send(new PersonAndReceiver(Person.PATRICK, sub.receiver()));
            sub.receiver().close();
            PersonAndReceiver received = within("recv", sup.receiver()::recv);
            assertEquals(Person.PATRICK, received.person(), "the value beside the receiver");
            sub.sender().send(Person.PATRICK);
            assertEquals(Person.PATRICK, within("recv", received.receiver()::recv), "received by the moved receiver");
            received.receiver().close();
        }
    }

    @Test
    public void embeddedOpaqueSenders() throws Exception {
        try (IpcChannel<Person> sub = Ipc.channel(Person.class);
                IpcChannel<PersonAndOpaqueSender> sup = Ipc.channel(PersonAndOpaqueSender.class)) {
            sup.sender().send(new PersonAndOpaqueSender(Person.PATRICK, sub.sender().toOpaque()));
            PersonAndOpaqueSender received = receive(sup.receiver(), "the carrier");
            assertEquals(Person.PATRICK, received.person(), "the value beside the opaque sender");
            try (IpcSender<Person> typed = received.sender().to(Person.class)) {
                typed.send(Person.PATRICK);
            }
            assertEquals(Person.PATRICK, receive(sub.receiver(), "via the opaque sender"), "typed view works");
        }
    }

    @Test
    public void embeddedBytesSenderAsTheWholeMessage() throws Exception {
        try (IpcBytesChannel sub = Ipc.bytesChannel();
                IpcChannel<IpcBytesSender> sup = Ipc.channel(IpcBytesSender.class)) {
            sup.sender().send(sub.sender());
            try (IpcBytesSender received = receive(sup.receiver(), "a bytes sender")) {
                received.send(ODD_BYTES);
            }
            assertArrayEquals(ODD_BYTES, receive(sub.receiver(), "bytes"), "Rust's embedded_bytes_receivers");
        }
    }

    @Test
    public void embeddedBytesReceiverAsTheWholeMessage() throws Exception {
        try (IpcBytesChannel sub = Ipc.bytesChannel();
                IpcChannel<IpcBytesReceiver> sup = Ipc.channel(IpcBytesReceiver.class)) {
            sup.sender().send(sub.receiver());
            sub.receiver().close();
            try (IpcBytesReceiver received = receive(sup.receiver(), "a bytes receiver")) {
                sub.sender().send(ODD_BYTES);
                assertArrayEquals(ODD_BYTES, receive(received, "bytes"), "received by the moved bytes receiver");
            }
        }
    }

    @Test
    public void multiplePathsToASender() throws Exception {
        try (IpcChannel<Person> sub = Ipc.channel(Person.class);
                IpcChannel<List<PersonAndSender>> sup = Ipc.channel(new TypeRef<List<PersonAndSender>>() {})) {
            PersonAndSender shared = new PersonAndSender(Person.PATRICK, sub.sender());
            sup.sender().send(List.of(shared, shared, shared));
            List<PersonAndSender> received = receive(sup.receiver(), "three paths to one sender");
            assertEquals(3, received.size(), "three elements");
            for (PersonAndSender element : received) {
                assertEquals(Person.PATRICK, element.person(), "each element's person");
            }
            received.get(0).sender().send(Person.PATRICK);
            assertEquals(Person.PATRICK, receive(sub.receiver(), "via element 0"), "element 0's sender works");
            received.get(1).sender().send(Person.PATRICK);
            assertEquals(Person.PATRICK, receive(sub.receiver(), "via element 1"), "element 1's sender works");
            received.get(2).sender().close();
            assertTrue(!received.get(0).sender().isOpen() && !received.get(1).sender().isOpen(),
                    "the three paths lead to one handle: closing one closes them all");
        }
    }

    @Test
    public void transferSenderWhoseReceiverIsClosed() throws Exception {
        try (IpcChannel<Integer> transfer = Ipc.channel(Integer.class);
                IpcChannel<IpcSender<Integer>> main = Ipc.channel(new TypeRef<IpcSender<Integer>>() {})) {
            transfer.receiver().close();
            main.sender().send(transfer.sender());
            try (IpcSender<Integer> transferred = receive(main.receiver(), "Rust's transfer_closed_sender")) {
                assertThrows(IpcDisconnectedException.class, () -> transferred.send(1),
                        "the transferred sender still knows its receiver is gone");
            }
        }
    }
}
