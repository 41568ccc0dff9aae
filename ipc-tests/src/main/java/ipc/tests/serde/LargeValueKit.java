package ipc.tests.serde;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A value whose encoding is at least 64 MiB arrives whole and equal, sent from a background thread (a transport may
 * block the sender until the receiver reads) with every wait bounded; it is sent twice on one channel, the second time behind the first.
 */
public abstract class LargeValueKit extends SerializerKit {

    /** The size the issue asks for. */
    static final int LARGE_BYTES = 64 * 1024 * 1024;
    /** Generous for encoding, moving and decoding 64 MiB on a slow two-core machine. */
    private static final Duration LARGE_TIMEOUT = Duration.ofMinutes(3);

    /**
     * Binds the kit to a serializer.
     *
     * @param fixture the serializer under test and its samples
     */
    protected LargeValueKit(SerializerFixture fixture) {
        super(fixture);
    }

    @Test
    public void valueOfAtLeast64MiBRoundTrips() throws Exception {
        roundTrip(fixture.large(LARGE_BYTES));
    }

    private <T> void roundTrip(Sample<T> sample) throws Exception {
        try (IpcChannel<T> channel = Ipc.channel(sample.type(), serializer)) {
            CompletableFuture<Void> sent = inBackground("large-sender", () -> {
                channel.sender().send(sample.value());
                channel.sender().send(sample.value());
            });
            for (String attempt : new String[] {"first", "second"}) {
                T received = receive(channel.receiver(), LARGE_TIMEOUT, sample + ", " + attempt + " copy");
                assertArrived(sample, received, attempt + " copy with " + serializer.name());
            }
            awaitDone(sent, LARGE_TIMEOUT, "sending " + sample);
        }
    }
}
