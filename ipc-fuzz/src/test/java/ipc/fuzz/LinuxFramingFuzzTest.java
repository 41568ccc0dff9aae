package ipc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import ipc.api.IpcException;
import ipc.api.spi.ReceivedMessage;
import ipc.transport.linux.internal.LinuxReceiver;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The Linux transport's framing: raw datagrams forged from the input (wire header fields, lying lengths and counts,
 * handle kinds, payloads) with real descriptors of every kind attached, including an overflow socket of forged
 * overflow datagrams ({@link ForgedDatagram}), sent on a socket pair whose receiving end is a {@link LinuxReceiver}.
 * Each is received as a message (whose handles the harness closes) or refused with an {@code IpcException} (or,
 * for a datagram declaring a streamed payload, dropped unseen as a message whose sender stopped mid-message);
 * nothing else, within a bounded wait and allocation, and no descriptor outlives it. Inputs whose last byte is odd
 * are received as {@code IpcBytesReceiver.recv(ByteBuffer)} receives into a direct buffer: scattered past a head
 * into that buffer, and put back together when the datagram is not a plain message that fits.
 */
class LinuxFramingFuzzTest {

    /**
     * How long to wait for a message whose payload is declared streamed: such a message may vanish (dropped unseen,
     * as one whose sender stopped mid-message), and a legitimate one arrives at once (its stream ends at once).
     */
    private static final long VANISH_WAIT_MILLIS = 300;

    /** The head a scattered receive keeps in the frame: a bytes message's header. */
    private static final int SCATTER_HEAD = 9;
    private static final ByteBuffer SCATTER_INTO = ByteBuffer.allocateDirect(4096);

    private static int sendingEnd;
    private static LinuxReceiver receiver;

    @BeforeAll
    static void open() {
        int[] pair = RawSockets.seqpacketPair();
        sendingEnd = pair[0];
        receiver = LinuxReceiver.adopt(pair[1]);
        // Loads and initialises the receive path's classes (and its native bindings) before anything is measured.
        for (byte[] seed : Seeds.framingSeeds()) {
            try (ForgedDatagram forged = ForgedDatagram.of(seed, sendingEnd)) {
                forged.sendTo(sendingEnd);
            }
            try {
                ReceivedMessage message = receiver.receive(ReceiveChecks.RECEIVE_TIMEOUT.toNanos());
                if (message != null) {
                    message.closeHandles();
                }
            } catch (IpcException refused) {
                // One of the seeds is refused: the failure path is warmed up too.
            }
        }
    }

    @AfterAll
    static void close() {
        receiver.close();
        RawSockets.close(sendingEnd);
    }

    @FuzzTest(maxDuration = Targets.MAX_DURATION)
    void datagram(byte[] input) {
        String what = ReceiveChecks.describe(input);
        FdCount descriptorsBefore = FdCount.snapshot();
        boolean sent;
        boolean mayVanish;
        try (ForgedDatagram forged = ForgedDatagram.of(input, sendingEnd)) {
            sent = forged.sendTo(sendingEnd);
            mayVanish = forged.declaresStreamedPayload();
        }
        if (sent) {
            long timeoutNanos = mayVanish ? TimeUnit.MILLISECONDS.toNanos(VANISH_WAIT_MILLIS)
                    : ReceiveChecks.RECEIVE_TIMEOUT.toNanos();
            boolean scatter = input.length > 0 && (input[input.length - 1] & 1) == 1;
            Optional<ReceivedMessage> received = ReceiveChecks.receive(what, input.length,
                    () -> Optional.ofNullable(scatter
                            ? receiver.receive(timeoutNanos, ByteBuffer::allocate, SCATTER_INTO.clear(), SCATTER_HEAD)
                            : receiver.receive(timeoutNanos)));
            if (received != null && !(mayVanish && received.isEmpty())) {
                received.orElseThrow(() -> new AssertionError(what + ": sent, but neither received nor refused "
                        + "within " + ReceiveChecks.RECEIVE_TIMEOUT)).closeHandles();
            }
        }
        ReceiveChecks.assertNoDescriptorGrowth(descriptorsBefore, what);
    }
}
