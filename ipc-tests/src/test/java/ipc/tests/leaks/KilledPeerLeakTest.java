package ipc.tests.leaks;

import static ipc.tests.support.LeakCheck.Release.MAPPINGS_BY_GC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcDisconnectedException;
import ipc.api.IpcOneShotServer;
import ipc.api.IpcReceiver;
import ipc.api.IpcReceiverSet;
import ipc.api.IpcSelectionResult.MessageReceived;
import ipc.api.IpcSelectionResult;
import ipc.tests.children.LeakChild.Load;
import ipc.tests.children.LeakChild;
import ipc.tests.children.Wire;
import ipc.tests.support.ChildJvm;
import ipc.tests.support.LeakCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A child JVM that streams large messages with handles is killed with SIGKILL in the middle of its stream, round
 * after round. The parent then drains what the child sent before it died in one of three ways: decoding every
 * message, closing every message undecoded (through a receiver set), or closing the receiver with the messages
 * still queued. Only the parent's descriptors and mappings are measured.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class KilledPeerLeakTest {

    /** Above the inline limit of 212,952 bytes: every message of the stream carries a memfd besides its handles. */
    private static final int PAYLOAD = 300_000;
    /**
     * One round of each way of draining: a child JVM takes seconds to start, and a way that leaks one descriptor
     * per message leaks dozens per round (each message carries four).
     */
    private static final int ROUNDS = 3;
    private static final int WARM_UPS = 1;
    /** How long a child may take to start a JVM and connect on a loaded 2-core CI machine. */
    private static final Duration CONNECT = Duration.ofSeconds(60);

    @Test
    void childKilledMidStreamLeavesNothingInTheParent() throws Exception {
        // The one message mapped and read per round maps its shared memory; that mapping goes at collection.
        LeakCheck.assertNoGrowth("children killed mid-stream", WARM_UPS, ROUNDS, MAPPINGS_BY_GC, this::round);
    }

    private void round(int index) throws Exception {
        Path name;
        try (IpcOneShotServer<Load> server = IpcOneShotServer.create(Load.class);
                ChildJvm child = ChildJvm.start(LeakChild.class, server.name(), Integer.toString(PAYLOAD))) {
            name = Path.of(server.name());
            IpcOneShotServer.Accepted<Load> accepted = server.tryAccept(CONNECT).orElseThrow(
                    () -> new AssertionError("the child did not connect within " + CONNECT + ":\n" + child.output()));
            IpcReceiver<Load> stream = accepted.receiver();
            try {
                assertLoad(accepted.message(), 0, true);
                for (long sequence = 1; sequence <= 3; sequence++) {
                    assertLoad(stream.tryRecv(Leaks.WAIT).orElseThrow(() -> new AssertionError(child.output())),
                            sequence, false);
                }
                child.kill();
                assertTrue(!child.isAlive(), "the child is gone");
                switch (index % 3) {
                    case 0 -> drainDecoding(stream, 4);
                    case 1 -> drainUndecoded(stream);
                    default -> { } // closed below with the rest of the stream still queued
                }
            } finally {
                stream.close();
            }
        }
        assertTrue(Files.notExists(name.getParent()), "the server's directory is gone: " + name.getParent());
    }

    /** Receives, checks and closes every message until the disconnect. */
    private static void drainDecoding(IpcReceiver<Load> stream, long next) throws Exception {
        while (true) {
            Optional<Load> load;
            try {
                load = stream.tryRecv(Leaks.WAIT);
            } catch (IpcDisconnectedException disconnected) {
                return;
            }
            assertTrue(load.isPresent(), "a killed peer is a disconnect, not a silence");
            assertLoad(load.get(), next++, false);
        }
    }

    /** Takes every message through a receiver set and closes it undecoded, until the channel is reported closed. */
    private static void drainUndecoded(IpcReceiver<Load> stream) throws Exception {
        try (IpcReceiverSet set = IpcReceiverSet.create()) {
            set.add(stream);
            while (true) {
                List<IpcSelectionResult> results = set.trySelect(Leaks.WAIT);
                assertTrue(!results.isEmpty(), "a killed peer is reported, not a silence");
                for (IpcSelectionResult result : results) {
                    if (result instanceof MessageReceived message) {
                        assertEquals(3, message.message().handleCount(), "sender, receiver and shared memory");
                        message.message().close();
                    } else {
                        return;
                    }
                }
            }
        }
    }

    /** Checks a message whole and in order; uses its handles if asked; closes them. */
    private static void assertLoad(Load load, long sequence, boolean use) throws Exception {
        try {
            assertEquals(sequence, load.sequence(), "messages arrive in order");
            assertArrayEquals(Wire.chunkData(sequence, PAYLOAD), load.data(), "message " + sequence + " is whole");
            if (use) {
                load.sender().send("to the channel the child made");
                assertEquals("to the channel the child made", Leaks.recv(load.receiver()));
                assertEquals((byte) sequence, load.memory().asByteBuffer().get(4095));
            }
        } finally {
            load.sender().close();
            load.receiver().close();
            load.memory().close();
        }
    }
}
