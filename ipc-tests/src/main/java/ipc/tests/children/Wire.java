package ipc.tests.children;

import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSharedMemory;

/** Message types that cross-process tests and their children exchange. */
public final class Wire {

    private Wire() {}

    /** A person, as in Rust ipc-channel's tests. */
    public record Person(String name, int age) {}

    /** A text and, optionally, a sender for the answer. */
    public record Transfer(String text, IpcSender<String> replyTo) {}

    /** The child's hello in the two-step transfer: where to send the receiver of receivers. */
    public record TwoStep(IpcSender<IpcReceiver<IpcReceiver<String>>> back, String cookie) {}

    /** Bytes one way, and a sender for bytes the other way. */
    public record Bulk(IpcSender<byte[]> replyTo, byte[] data) {}

    /** A shared-memory region and where to send one back. */
    public record Region(IpcSharedMemory memory, IpcSender<Region> replyTo) {}

    /** A numbered chunk of a stream, whose content is derived from its number so a torn chunk is detectable. */
    public record Chunk(long sequence, byte[] data) {}

    /** Where the other side can send a {@link Handover}. */
    public record Inbox(IpcSender<Handover> inbox) {}

    /** A receiver handed to the other side. */
    public record Handover(IpcReceiver<String> receiver, IpcSender<String> replyTo) {}

    /** The content of chunk {@code sequence}: {@code size} bytes that depend on the sequence number. */
    public static byte[] chunkData(long sequence, int size) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (sequence * 31 + i * 7);
        }
        return data;
    }

    /** A deterministic pattern of {@code size} bytes. */
    public static byte[] pattern(int size) {
        return chunkData(17, size);
    }
}
