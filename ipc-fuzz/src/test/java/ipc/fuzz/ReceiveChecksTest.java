package ipc.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcSerializationException;
import org.junit.jupiter.api.Test;

/** The harness's checks catch what they claim to: an escaping exception, over-allocation, a leaked descriptor. */
class ReceiveChecksTest {

    @Test
    void anIpcExceptionIsAnOutcomeAndAValueIsReturned() {
        assertNull(ReceiveChecks.receive("refused", 1, () -> {
            throw new IpcSerializationException("refused");
        }));
        assertEquals("value", ReceiveChecks.receive("decoded", 1, () -> "value"));
    }

    @Test
    void anyOtherExceptionEscapingAReceiveIsAFinding() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> ReceiveChecks.receive("bad input", 1, () -> {
                    throw new IllegalStateException("boom");
                }));
        assertTrue(error.getMessage().contains("bad input") && error.getCause() instanceof IllegalStateException,
                error.getMessage());
        assertThrows(AssertionError.class, () -> ReceiveChecks.receive("bad input", 1, () -> {
            throw new StackOverflowError("an error is a finding too");
        }));
    }

    @Test
    void aCodecMayThrowARuntimeExceptionButNotAnError() {
        assertNull(ReceiveChecks.decode("codec", 1, () -> {
            throw new IllegalArgumentException("wrapped by the API");
        }));
        assertThrows(AssertionError.class, () -> ReceiveChecks.decode("codec", 1, () -> {
            throw new OutOfMemoryError("not wrapped");
        }));
    }

    @Test
    void allocatingMoreThanTheBoundIsAFinding() {
        int tooMuch = (int) (ReceiveChecks.ALLOCATION_CONSTANT + 2 * ReceiveChecks.ALLOCATION_PER_BYTE * 1024);
        ReceiveChecks.receive("warm-up", 1024, () -> new byte[16].length); // loads the lambda's classes first
        AssertionError error = assertThrows(AssertionError.class,
                () -> ReceiveChecks.receive("greedy", 1024, () -> new byte[tooMuch].length));
        assertTrue(error.getMessage().contains("allocated"), error.getMessage());
        assertEquals(16, ReceiveChecks.receive("modest", 1024, () -> new byte[16].length));
    }

    @Test
    void aDescriptorLeftOpenIsAFinding() {
        FdCount before = FdCount.snapshot();
        int[] pipe = RawSockets.pipe();
        try {
            AssertionError error = assertThrows(AssertionError.class,
                    () -> ReceiveChecks.assertNoDescriptorGrowth(before, "leaky input"));
            assertTrue(error.getMessage().contains("2 descriptor(s) left open: [" + pipe[0] + " -> pipe:")
                    && error.getMessage().contains(", " + pipe[1] + " -> pipe:"), error.getMessage());
        } finally {
            RawSockets.close(pipe[0]);
            RawSockets.close(pipe[1]);
        }
        ReceiveChecks.assertNoDescriptorGrowth(before, "after closing");
    }
}
