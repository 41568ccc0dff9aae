package ipc.tests.serde;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcReceiver;
import ipc.api.IpcSerializationException;
import ipc.tests.serde.Forger.Raw;
import ipc.tests.support.FdCount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The handles of a message that fails to decode are closed, not leaked: observed from the peer side (once the
 * local copies are closed too, the channel of a sent sender reports disconnection and that of a sent receiver
 * refuses messages) and, on Linux, by counting this process's open file descriptors. Two failures are covered: a
 * wrong declared type, and the carrier's own encoding cut short, so that decoding fails part-way.
 */
public abstract class FailedDecodeKit extends SerializerKit {

    private static final int ROUNDS = 10;

    /**
     * Binds the kit to a serializer.
     *
     * @param fixture the serializer under test and its samples
     */
    protected FailedDecodeKit(SerializerFixture fixture) {
        super(fixture);
    }

    private <M, O> void failAsWrongType(HandleCarrier<M> carrier, Sample<O> other) throws Exception {
        try (LocalHandles local = new LocalHandles(serializer);
                IpcChannel<M> channel = Ipc.channel(carrier.type(), serializer)) {
            IpcReceiver<O> wrong = channel.receiver().toOpaque().to(other.type(), serializer);
            channel.sender().send(carrier.embed(local.toSend()));
            assertThrows(IpcSerializationException.class, () -> within("decoding", () -> wrong.tryRecv(TIMEOUT)),
                    "handles read as " + other);
            local.closeSentCopies();
            local.assertSentCopiesClosed(serializer.name() + ", handles read as " + other);
        }
    }

    /** Sends the carrier, reads its payload and handles raw, and sends them again with the payload cut. */
    private <M> void failTruncated(HandleCarrier<M> carrier, boolean lastByteOnly) throws Exception {
        Forger forger = new Forger(serializer.name());
        try (LocalHandles local = new LocalHandles(serializer);
                IpcChannel<M> channel = Ipc.channel(carrier.type(), serializer)) {
            channel.sender().send(carrier.embed(local.toSend()));
            Raw raw = receive(channel.receiver().toOpaque().to(Forger.RAW, forger), "the carrier's raw payload");
            int cut = lastByteOnly ? raw.payload().length - 1 : raw.payload().length / 2;
            channel.sender().toOpaque().to(Forger.RAW, forger).send(
                    new Raw(Arrays.copyOf(raw.payload(), cut), raw.handles()));
            for (AutoCloseable handle : raw.handles()) {
                handle.close();
            }
            String what = "the carrier cut to " + cut + " of " + raw.payload().length + " bytes";
            assertThrows(IpcSerializationException.class,
                    () -> within("decoding", () -> channel.receiver().tryRecv(TIMEOUT)), what);
            local.closeSentCopies();
            local.assertSentCopiesClosed(serializer.name() + ", " + what);
        }
    }

    @Test
    public void handlesOfAMessageReadAsTheWrongTypeAreClosed() throws Exception {
        failAsWrongType(fixture.handles(), fixture.otherType());
    }

    @Test
    public void handlesOfATruncatedMessageAreClosed() throws Exception {
        failTruncated(fixture.handles(), false);
        failTruncated(fixture.handles(), true);
    }

    @Test
    public void failedDecodesLeakNoFileDescriptors() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "descriptors are counted through /proc/self/fd");
        failAsWrongType(fixture.handles(), fixture.otherType()); // warms up what stays open for good
        failTruncated(fixture.handles(), false);
        int before = FdCount.now();
        for (int i = 0; i < ROUNDS; i++) {
            failAsWrongType(fixture.handles(), fixture.otherType());
            failTruncated(fixture.handles(), false);
        }
        int after = FdCount.now();
        assertTrue(after <= before, ROUNDS + " rounds of failed decodes of messages with 7 handles each left "
                + (after - before) + " more descriptors open (" + before + " before, " + after + " after)");
    }
}
