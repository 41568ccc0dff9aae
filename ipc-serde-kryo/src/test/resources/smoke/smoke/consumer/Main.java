package smoke.consumer;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcSender;
import ipc.api.spi.EncodeContext;
import ipc.api.spi.IpcSerializer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** A consumer of ipc.serde.kryo on the module path, compiled and run in a child JVM by ModulePathSmokeTest. */
public final class Main {

    public record Point(int x, int y) {}

    public sealed interface Shape permits Circle, Square {}

    public record Circle(double radius) implements Shape {}

    public record Square(double side) implements Shape {}

    /** A plain class without a no-argument constructor: created through objenesis. */
    public static final class Account {
        private final String owner;
        private final long balance;

        public Account(String owner, long balance) {
            this.owner = owner;
            this.balance = balance;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Account that && owner.equals(that.owner) && balance == that.balance;
        }

        @Override
        public int hashCode() {
            return owner.hashCode();
        }
    }

    public record Envelope(String label, IpcSender<Point> replyTo, List<Shape> shapes, Map<String, Account> accounts) {}

    /** The sample both JVMs encode: no handles, every kind of class. */
    public record Sample(List<Shape> shapes, Map<String, Account> accounts, Point point) {}

    public static Sample sample() {
        return new Sample(List.of(new Circle(1), new Square(2)), Map.of("a", new Account("ann", 5)), new Point(7, 8));
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    public static void main(String[] args) throws Exception {
        check(System.getProperty("java.class.path", "").isEmpty(), "the class path is empty");
        IpcSerializer serializer = Ipc.defaultSerializer();
        Module module = serializer.getClass().getModule();
        check("ipc.serde.kryo".equals(module.getName()), "found in module " + module);
        check("kryo".equals(serializer.name()), "named kryo");
        check(module.isExported("ipc.serde.kryo"), "the API package is exported");
        check(!module.isExported("ipc.serde.kryo.internal"), "the internals are not");
        check(module.getDescriptor().provides().stream()
                .anyMatch(p -> p.service().equals("ipc.api.spi.IpcSerializer")), "provides the SPI");
        try (IpcChannel<Point> replies = Ipc.channel(Point.class);
                IpcChannel<Envelope> channel = Ipc.channel(Envelope.class)) {
            Envelope sent = new Envelope("hello", replies.sender(), List.of(new Circle(1), new Square(2)),
                    Map.of("a", new Account("ann", 5)));
            channel.sender().send(sent);
            Envelope received = channel.receiver().recv();
            check(received.shapes().equals(sent.shapes()), "the sealed records arrived");
            check(received.accounts().equals(sent.accounts()), "the plain class arrived");
            try (IpcSender<Point> replyTo = received.replyTo()) {
                replyTo.send(new Point(3, 4));
            }
            check(replies.receiver().recv().equals(new Point(3, 4)), "the decoded sender works");
        }
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        serializer.codec(ipc.api.TypeRef.of(Sample.class)).encode(sample(), new EncodeContext() {
            @Override
            public OutputStream output() {
                return payload;
            }

            @Override
            public int handleIndex(Object handle) {
                throw new IllegalArgumentException("the sample has no handles");
            }
        });
        System.out.println("payload=" + HexFormat.of().formatHex(payload.toByteArray()));
        System.out.println("module path OK");
    }
}
