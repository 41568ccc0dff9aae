package ipc.transport.linux.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcException;
import ipc.api.spi.ReceivedMessage;
import ipc.api.spi.ReceiverEndpoint;
import ipc.api.spi.SelectionEvent;
import ipc.api.spi.SenderEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Helpers for the receiver-set and one-shot-server tests: text frames, bounded selects, descriptor limits. */
final class SetTestSupport {

    /** The longest any single wait in these tests may take before the test fails. */
    static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(20);

    private SetTestSupport() {}

    static void send(SenderEndpoint sender, String text) throws IpcException {
        sender.send(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), List.of());
    }

    static String text(ReceivedMessage message) {
        assertTrue(message.handles().isEmpty(), "no handles expected");
        ByteBuffer frame = message.frame();
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        message.release(); // the frame may be the transport's memory: read once, then given back
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static String receiveText(ReceiverEndpoint receiver) throws IpcException {
        ReceivedMessage message = receiver.receive(WAIT_NANOS);
        assertNotNull(message, "a message within " + WAIT_NANOS + " ns");
        return text(message);
    }

    /** Selects until {@code count} events have arrived, each select bounded; fails if one select times out. */
    static List<SelectionEvent> selectAtLeast(EpollReceiverSet set, int count) throws IpcException {
        List<SelectionEvent> all = new ArrayList<>();
        while (all.size() < count) {
            List<SelectionEvent> events = set.select(WAIT_NANOS);
            assertTrue(!events.isEmpty(), "select timed out after " + all.size() + " of " + count + " events");
            all.addAll(events);
        }
        return all;
    }

    /** The soft limit on open descriptors (RLIMIT_NOFILE), from /proc/self/limits. */
    static long descriptorLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    return Long.parseLong(line.substring("Max open files".length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // "unlimited"
        }
        return Long.MAX_VALUE;
    }
}
