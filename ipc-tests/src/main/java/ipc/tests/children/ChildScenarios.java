package ipc.tests.children;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSharedMemory;
import ipc.api.TypeRef;
import ipc.tests.children.Wire.Bulk;
import ipc.tests.children.Wire.Chunk;
import ipc.tests.children.Wire.Handover;
import ipc.tests.children.Wire.Inbox;
import ipc.tests.children.Wire.Person;
import ipc.tests.children.Wire.Region;
import ipc.tests.children.Wire.Transfer;
import ipc.tests.children.Wire.TwoStep;
import java.nio.ByteBuffer;

/** The child side of each cross-process scenario; the parent side is in the matching test. */
final class ChildScenarios {

    private ChildScenarios() {}

    static void run(String scenario, String[] args) throws Exception {
        switch (scenario) {
            case "hello" -> hello(args[0]);
            case "sender-transfer" -> senderTransfer(args[0]);
            case "two-step" -> twoStep(args[0]);
            case "embedded-senders" -> embeddedSenders(args[0], args[1]);
            case "bulk-echo" -> bulkEcho(args[0]);
            case "bulk-echo-many" -> bulkEchoMany(args[0], Integer.parseInt(args[1]));
            case "send-big-and-exit" -> sendBigAndExit(args[0], Integer.parseInt(args[1]));
            case "shared-memory" -> sharedMemory(args[0]);
            case "stream-forever" -> streamForever(args[0], Integer.parseInt(args[1]));
            case "handover" -> handover(args[0]);
            case "exit" -> { }
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        }
    }

    private static void hello(String server) throws Exception {
        try (IpcSender<String> tx = IpcSender.connect(server, String.class)) {
            tx.send("1234567");
        }
    }

    private static void senderTransfer(String server) throws Exception {
        try (IpcSender<Transfer> superTx = IpcSender.connect(server, Transfer.class);
                IpcChannel<String> sub = Ipc.channel(String.class)) {
            superTx.send(new Transfer("foo", sub.sender()));
            require("baz".equals(sub.receiver().recv()), "expected baz from the parent");
            superTx.send(new Transfer("bar", null));
        }
    }

    private static void twoStep(String server) throws Exception {
        try (IpcSender<TwoStep> superTx = IpcSender.connect(server, TwoStep.class);
                IpcChannel<IpcReceiver<IpcReceiver<String>>> sub =
                        Ipc.channel(new TypeRef<IpcReceiver<IpcReceiver<String>>>() {})) {
            superTx.send(new TwoStep(sub.sender(), null));
            try (IpcReceiver<IpcReceiver<String>> two = sub.receiver().recv();
                    IpcReceiver<String> one = two.recv()) {
                superTx.send(new TwoStep(null, one.recv()));
            }
        }
    }

    private static void embeddedSenders(String server0, String server2) throws Exception {
        Person person = new Person("Patrick Walton", 29);
        try (IpcChannel<Person> channel1 = Ipc.channel(Person.class);
                IpcSender<IpcSender<Person>> tx0 = IpcSender.connect(server0, new TypeRef<IpcSender<Person>>() {})) {
            tx0.send(channel1.sender());
            require(person.equals(channel1.receiver().recv()), "expected the person from the parent");
            try (IpcSender<Person> tx2 = IpcSender.connect(server2, Person.class)) {
                tx2.send(person);
            }
        }
    }

    private static void bulkEcho(String server) throws Exception {
        try (IpcSender<Bulk> superTx = IpcSender.connect(server, Bulk.class);
                IpcChannel<byte[]> toChild = Ipc.channel(byte[].class)) {
            superTx.send(new Bulk(toChild.sender(), null));
            byte[] data = toChild.receiver().recv();
            superTx.send(new Bulk(null, data));
        }
    }

    /**
     * Echoes {@code count} arrays back as they come, then waits for one more message (the parent's go-ahead) before
     * it closes its ends and exits.
     */
    private static void bulkEchoMany(String server, int count) throws Exception {
        try (IpcSender<Bulk> superTx = IpcSender.connect(server, Bulk.class);
                IpcChannel<byte[]> toChild = Ipc.channel(byte[].class)) {
            superTx.send(new Bulk(toChild.sender(), null));
            for (int i = 0; i < count; i++) {
                superTx.send(new Bulk(null, toChild.receiver().recv()));
            }
            toChild.receiver().recv();
        }
    }

    /** Sends one large message that nobody reads yet, and exits as soon as the send returns. */
    private static void sendBigAndExit(String server, int length) throws Exception {
        try (IpcSender<byte[]> tx = IpcSender.connect(server, byte[].class)) {
            tx.send(Wire.pattern(length));
        }
    }

    private static void sharedMemory(String server) throws Exception {
        try (IpcSender<Region> superTx = IpcSender.connect(server, Region.class);
                IpcChannel<Region> toChild = Ipc.channel(Region.class)) {
            superTx.send(new Region(null, toChild.sender()));
            Region region = toChild.receiver().recv();
            ByteBuffer in = region.memory().asByteBuffer();
            byte[] reversed = new byte[in.remaining()];
            for (int i = 0; i < reversed.length; i++) {
                reversed[i] = in.get(reversed.length - 1 - i);
            }
            region.memory().close();
            try (IpcSharedMemory answer = IpcSharedMemory.fromBytes(reversed)) {
                superTx.send(new Region(answer, null));
            }
        }
    }

    private static void streamForever(String server, int chunkSize) throws Exception {
        try (IpcSender<Chunk> tx = IpcSender.connect(server, Chunk.class)) {
            for (long sequence = 0; ; sequence++) {
                tx.send(new Chunk(sequence, Wire.chunkData(sequence, chunkSize)));
            }
        }
    }

    private static void handover(String server) throws Exception {
        try (IpcSender<Inbox> superTx = IpcSender.connect(server, Inbox.class);
                IpcChannel<Handover> toChild = Ipc.channel(Handover.class)) {
            superTx.send(new Inbox(toChild.sender()));
            Handover handover = toChild.receiver().recv();
            try (IpcReceiver<String> receiver = handover.receiver(); IpcSender<String> replyTo = handover.replyTo()) {
                replyTo.send("got " + receiver.recv());
            }
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
