package ipc.tests.serde;

import static org.junit.jupiter.api.Assertions.assertThrows;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSerializationException;
import ipc.tests.serde.Forger.Raw;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The record's exact encoding, cut at 1, n/4, n/2, 3n/4 and n-1 bytes and sent under the serializer's name (with
 * {@link Forger}), is rejected each time with an {@link IpcSerializationException} naming the expected type and the
 * serializer, within a bounded time; the whole encoding then still decodes on the same channel.
 */
public abstract class TruncatedInputKit extends SerializerKit {

    /**
     * Binds the kit to a serializer.
     *
     * @param fixture the serializer under test and its samples
     */
    protected TruncatedInputKit(SerializerFixture fixture) {
        super(fixture);
    }

    @Test
    public void truncatedEncodingsAreRejected() throws Exception {
        truncate(fixture.record());
    }

    private <T> void truncate(Sample<T> sample) throws Exception {
        Forger forger = new Forger(serializer.name());
        try (IpcChannel<T> channel = Ipc.channel(sample.type(), serializer)) {
            IpcSender<Raw> forged = channel.sender().toOpaque().to(Forger.RAW, forger);
            IpcReceiver<Raw> raw = channel.receiver().toOpaque().to(Forger.RAW, forger);
            channel.sender().send(sample.value());
            byte[] whole = receive(raw, "the encoding of " + sample).payload();
            int n = whole.length;
            Set<Integer> cuts = new LinkedHashSet<>(Arrays.asList(1, n / 4, n / 2, n * 3 / 4, n - 1));
            cuts.removeIf(cut -> cut < 1 || cut >= n);
            for (int cut : cuts) {
                forged.send(new Raw(Arrays.copyOf(whole, cut)));
                String what = sample + " cut to " + cut + " of " + n + " bytes";
                IpcSerializationException e = assertThrows(IpcSerializationException.class,
                        () -> within("decoding " + what, () -> channel.receiver().tryRecv(TIMEOUT)), what);
                assertMentions(e.getMessage(), what, simpleName(sample), serializer.name());
            }
            forged.send(new Raw(whole));
            assertArrived(sample, receive(channel.receiver(), "the whole encoding"),
                    "the channel stays usable after truncated messages");
        }
    }
}
