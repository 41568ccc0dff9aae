package ipc.serde.kryo;

import ipc.api.IpcBytesReceiver;
import ipc.api.IpcBytesSender;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSharedMemory;
import ipc.api.OpaqueIpcReceiver;
import ipc.api.OpaqueIpcSender;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The message types of the unit tests. */
final class Messages {

    private Messages() {}

    record Point(int x, int y) {}

    record Line(Point from, Point to, String label) {}

    record Person(String name, int age) {}

    record Box<T>(T content) {}

    record Catalogue(Map<String, List<Box<Point>>> entries, List<String> tags, Map<String, Integer> counts) {}

    enum Color {
        RED, GREEN, BLUE {
            @Override
            public String toString() {
                return "blue, with a constant body";
            }
        }
    }

    sealed interface Shape permits Circle, Square {}

    record Circle(double radius) implements Shape {}

    record Square(double side, Color color) implements Shape {}

    record Drawing(List<Shape> shapes, Shape highlighted) {}

    /** A recursive type. */
    record Node(String name, List<Node> children) {}

    /** A record whose components are declared {@code Object}: each value's class travels with it. */
    record Envelope(Object payload, List<Object> extras) {}

    /** A plain mutable class with private fields and no no-argument constructor. */
    static final class Account {
        private final String owner;
        private long balance;
        private List<String> history;
        private transient int cachedHash = -1;

        Account(String owner, long balance, List<String> history) {
            this.owner = owner;
            this.balance = balance;
            this.history = history;
        }

        int cachedHash() {
            return cachedHash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Account that && owner.equals(that.owner) && balance == that.balance
                    && Objects.equals(history, that.history);
        }

        @Override
        public int hashCode() {
            return Objects.hash(owner, balance, history);
        }
    }

    /** A plain class with a no-argument constructor whose initializer must run for the transient field. */
    static final class Counter {
        private int count;
        private transient StringBuilder log = new StringBuilder("fresh");

        Counter() {}

        Counter(int count) {
            this.count = count;
        }

        int count() {
            return count;
        }

        String log() {
            return log.toString();
        }
    }

    /** Records compare arrays by identity; this one compares content. */
    record Blob(String name, byte[] data) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Blob that && name.equals(that.name) && Arrays.equals(data, that.data);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Blob[" + name + ", " + data.length + " bytes]";
        }
    }

    record Numbers(int[] ints, long[] longs, boolean[] flags, double[] doubles, char[] chars, Set<Long> ids) {}

    record WithSender(IpcSender<Point> handle) {}

    record AllHandles(IpcSender<Point> sender, IpcReceiver<Point> receiver, IpcBytesSender bytesSender,
            IpcBytesReceiver bytesReceiver, OpaqueIpcSender opaqueSender, OpaqueIpcReceiver opaqueReceiver,
            IpcSharedMemory memory) {}

    /** One handle reachable four times: directly, in a list, in a map, and once more. */
    record Everywhere<H>(H single, List<H> list, Map<String, H> map, H again) {
        static <H> Everywhere<H> of(H handle) {
            return new Everywhere<>(handle, List.of(handle), Map.of("key", handle), handle);
        }
    }

    /** One OS handle reachable as two declared types: a typed sender and its opaque view. */
    record TwoViews(IpcSender<Point> typed, OpaqueIpcSender opaque) {}
}
