package ipc.tests.contract;

import static ipc.tests.contract.Contracts.assertDisconnected;
import static ipc.tests.contract.Contracts.receive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.OpaqueIpcReceiver;
import ipc.api.OpaqueIpcSender;
import ipc.tests.messages.Person;
import org.junit.jupiter.api.Test;

/** Untyped views ({@code toOpaque()}, {@code to(...)}, {@code toBytes()}) and the OS handle they share. */
public abstract class OpaqueContract {

    @Test
    public void opaqueSender() throws Exception {
        try (IpcChannel<Person> channel = Ipc.channel(Person.class)) {
            OpaqueIpcSender opaque = channel.sender().toOpaque();
            IpcSender<Person> typed = opaque.to(Person.class);
            typed.send(Person.PATRICK);
            assertEquals(Person.PATRICK, receive(channel.receiver(), "via the retyped sender"),
                    "Rust's opaque_sender");
            assertEquals(Person.class, typed.type().type(), "the view has the type asked for");
        }
    }

    @Test
    public void opaqueReceiver() throws Exception {
        try (IpcChannel<Person> channel = Ipc.channel(Person.class)) {
            IpcReceiver<Person> typed = channel.receiver().toOpaque().to(Person.class);
            channel.sender().send(Person.PATRICK);
            assertEquals(Person.PATRICK, receive(typed, "via the retyped receiver"), "the typed view receives");
        }
    }

    @Test
    public void closingAnOpaqueViewClosesTheSender() throws Exception {
        try (IpcChannel<Person> channel = Ipc.channel(Person.class)) {
            channel.sender().toOpaque().close();
            assertFalse(channel.sender().isOpen(), "the opaque view shares the sender's OS handle");
            assertThrows(IllegalStateException.class, () -> channel.sender().send(Person.PATRICK),
                    "the original is closed too");
            assertDisconnected(channel.receiver(), "the channel lost its only sender");
        }
    }

    @Test
    public void closingATypedViewClosesTheOriginal() throws Exception {
        try (IpcChannel<Person> channel = Ipc.channel(Person.class)) {
            OpaqueIpcSender opaque = channel.sender().toOpaque();
            opaque.to(Person.class).close();
            assertFalse(opaque.isOpen() || channel.sender().isOpen(), "a to(...) view shares the OS handle");
            assertDisconnected(channel.receiver(), "the channel lost its only sender");
        }
    }

    @Test
    public void closingAReceiverViewClosesTheReceiver() throws Exception {
        try (IpcChannel<Person> channel = Ipc.channel(Person.class)) {
            OpaqueIpcReceiver opaque = channel.receiver().toOpaque();
            IpcReceiver<Person> typed = opaque.to(Person.class);
            typed.close();
            assertFalse(opaque.isOpen() || channel.receiver().isOpen(), "all receiver views share one OS handle");
            assertThrows(IpcDisconnectedException.class, () -> channel.sender().send(Person.PATRICK),
                    "the sender sees the receiver closed");
        }
    }

    @Test
    public void bytesViewsShareTheHandle() throws Exception {
        try (IpcChannel<Person> channel = Ipc.channel(Person.class)) {
            channel.sender().toOpaque().toBytes().close();
            assertFalse(channel.sender().isOpen(), "a toBytes() view of the sender shares its OS handle");
            channel.receiver().toOpaque().toBytes().close();
            assertFalse(channel.receiver().isOpen(), "a toBytes() view of the receiver shares its OS handle");
        }
    }

    @Test
    public void duplicateOfAViewIsIndependent() throws Exception {
        try (IpcChannel<Person> channel = Ipc.channel(Person.class);
                IpcSender<Person> copy = channel.sender().toOpaque().to(Person.class).duplicate()) {
            channel.sender().close();
            copy.send(Person.PATRICK);
            assertEquals(Person.PATRICK, receive(channel.receiver(), "via the duplicate"),
                    "a duplicate made from a view outlives the original");
        }
    }
}
