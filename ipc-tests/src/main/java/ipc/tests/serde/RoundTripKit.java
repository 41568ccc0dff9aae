package ipc.tests.serde;

import static org.junit.jupiter.api.Assertions.assertFalse;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Round trips of every value shape of the fixture through a real channel: records, generics via
 * {@link ipc.api.TypeRef}, collections and maps, nulls inside values, and empty values. Each sample is sent twice
 * on one channel (the second send uses the cached codec) and must arrive equal both times.
 */
public abstract class RoundTripKit extends SerializerKit {

    /**
     * Binds the kit to a serializer.
     *
     * @param fixture the serializer under test and its samples
     */
    protected RoundTripKit(SerializerFixture fixture) {
        super(fixture);
    }

    private <T> void roundTrip(Sample<T> sample) throws Exception {
        try (IpcChannel<T> channel = Ipc.channel(sample.type(), serializer)) {
            for (String attempt : List.of("first send", "second send")) {
                channel.sender().send(sample.value());
                T received = receive(channel.receiver(), sample + ", " + attempt);
                assertArrived(sample, received, attempt + " with " + serializer.name());
            }
        }
    }

    @Test
    public void recordsRoundTrip() throws Exception {
        roundTrip(fixture.record());
    }

    @Test
    public void genericsRoundTripThroughTheirTypeRef() throws Exception {
        roundTrip(fixture.generic());
    }

    @Test
    public void collectionsAndMapsRoundTrip() throws Exception {
        List<Sample<?>> samples = fixture.collections();
        assertFalse(samples.isEmpty(), "the fixture supplies collection samples");
        for (Sample<?> sample : samples) {
            roundTrip(sample);
        }
    }

    @Test
    public void nullsInsideValuesRoundTrip() throws Exception {
        roundTrip(fixture.withNulls());
    }

    @Test
    public void emptyValuesRoundTrip() throws Exception {
        roundTrip(fixture.empty());
    }

    @Test
    public void otherTypeRoundTrips() throws Exception {
        roundTrip(fixture.otherType());
    }

    @Test
    public void valuesOfDifferentTypesShareOneSerializer() throws Exception {
        // Codecs for several types of one serializer instance, interleaved: no codec cache confusion.
        List<Sample<?>> samples = List.of(fixture.record(), fixture.otherType(), fixture.generic(), fixture.record());
        for (Sample<?> sample : samples) {
            roundTrip(sample);
        }
    }
}
