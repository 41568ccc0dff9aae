package ipc.serde.jackson;

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

/** The message types the tests send. */
final class Messages {

    private Messages() {}

    record Point(int x, int y) {}

    record Person(String name, int age) {}

    record Box<T>(T content) {}

    record Line(Point from, Point to, String label) {}

    record Catalogue(Map<String, List<Box<Point>>> entries, List<String> tags, Map<String, Integer> counts) {}

    /** Arrays compare by identity in a record's generated {@code equals}; this one compares content. */
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

    record WithSender(IpcSender<Point> handle) {}

    record WithReceiver(IpcReceiver<Point> handle) {}

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
