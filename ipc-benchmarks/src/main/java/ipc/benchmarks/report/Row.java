package ipc.benchmarks.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the report: the JMH benchmark (and parameters) it is measured by, the floor row it is compared with
 * and its target.
 *
 * <h2>Thread safety</h2>
 * Immutable.
 *
 * @param name the row's name in the output
 * @param benchmark the JMH method, relative to package {@code ipc.benchmarks}
 * @param params the JMH parameters that select it (others are ignored)
 * @param floor the floor row, or empty
 * @param bytes the message size for throughput rows, else 0
 * @param target the target, or empty
 */
record Row(String name, String benchmark, Map<String, String> params, Optional<String> floor, long bytes,
        Optional<Target> target) {

    /** Message sizes of the one-way rows, with the labels of their names. */
    static final List<Map.Entry<String, Long>> SIZES = List.of(Map.entry("64B", 64L), Map.entry("4KiB", 4096L),
            Map.entry("64KiB", 65536L), Map.entry("1MiB", 1L << 20), Map.entry("16MiB", 16L << 20));

    /** Channels of the one-way rows: the bytes channel, then the typed byte[] channel per serializer. */
    static final List<String> ONE_WAY_CHANNELS =
            List.of("bytes", "bytes_reuse", "bytes_direct", "jackson", "kryo", "protobuf");

    /** The name of the rows measuring a new array alone, before the size label. */
    static final String FRESH_ARRAY = "fresh_array_";

    /** Serializers of the typed-message rows. */
    static final List<String> SERIALIZERS = List.of("jackson", "kryo", "protobuf");

    /**
     * What a row must reach.
     *
     * @param text how the target reads in the table
     * @param bandwidth whether it bounds the bandwidth share (floor ns / java ns, at least) rather than the time
     *     ratio (java ns / floor ns, at most)
     * @param limit the bound
     */
    record Target(String text, boolean bandwidth, double limit) {

        static Target timeAtMost(double limit) {
            return new Target("time ≤ " + limit + "× floor", false, limit);
        }

        static Target bandwidthAtLeast(double limit) {
            return new Target("bandwidth ≥ " + limit + "× floor", true, limit);
        }

        boolean met(double javaNs, double floorNs) {
            return bandwidth ? floorNs / javaNs >= limit : javaNs / floorNs <= limit;
        }
    }

    /** Every row, in report order. */
    static List<Row> all() {
        java.util.ArrayList<Row> rows = new java.util.ArrayList<>();
        rows.add(latency("create", "Channels.create", "create", 1.5));
        rows.add(latency("transfer_empty", "Channels.transferEmpty", "same_thread", 1.3));
        rows.add(latency("roundtrip_threads", "RoundTripThreads.roundTrip", "roundtrip_threads", 1.15));
        rows.add(latency("roundtrip_processes", "RoundTripProcesses.roundTrip", "roundtrip_processes", 1.15));
        rows.add(latency("transfer_senders_8", "TransferHandles.transferSenders8", "fds_8", 1.3));
        rows.add(latency("transfer_receivers_8", "TransferHandles.transferReceivers8", "fds_8", 1.3));
        for (String channel : ONE_WAY_CHANNELS) {
            for (Map.Entry<String, Long> size : SIZES) {
                Optional<Target> target = Optional.empty();
                boolean bytesChannel = channel.startsWith("bytes");
                if (bytesChannel && size.getValue() >= 65536) {
                    target = Optional.of(Target.bandwidthAtLeast(0.9));
                } else if (!bytesChannel && size.getValue() >= 1 << 20) {
                    target = Optional.of(Target.bandwidthAtLeast(0.7));
                }
                rows.add(new Row("oneway_" + channel + "_" + size.getKey(), "OneWay.receive",
                        Map.of("channel", channel, "size", Long.toString(size.getValue())),
                        Optional.of("oneway_" + size.getKey()), size.getValue(), target));
            }
        }
        for (Map.Entry<String, Long> size : SIZES) {
            rows.add(new Row(FRESH_ARRAY + size.getKey(), "FreshArray.allocate",
                    Map.of("size", Long.toString(size.getValue())), Optional.empty(), 0, Optional.empty()));
        }
        for (String serializer : SERIALIZERS) {
            rows.add(new Row("typed_order_" + serializer, "TypedMessage.sendReceive", Map.of("serializer", serializer),
                    Optional.empty(), 0, Optional.empty()));
        }
        rows.add(new Row("receiver_set_64", "ReceiverSetSelect.select64", Map.of(), Optional.empty(), 0,
                Optional.empty()));
        rows.add(new Row("shared_memory_64MiB", "SharedMemory.sharedMemory64MiB", Map.of(), Optional.empty(), 0,
                Optional.empty()));
        return List.copyOf(rows);
    }

    private static Row latency(String name, String benchmark, String floor, double limit) {
        return new Row(name, benchmark, Map.of(), Optional.of(floor), 0, Optional.of(Target.timeAtMost(limit)));
    }

    /** Whether this row moves bytes one way (its bandwidth share is printed too). */
    boolean throughput() {
        return bytes > 0;
    }

    /** Whether this row is on the bytes path, where no allocation per message beyond the received array is due. */
    boolean bytesPath() {
        return name.equals("transfer_empty") || name.startsWith("roundtrip_") || name.startsWith("oneway_bytes_");
    }

    /**
     * The bytes a message of this row necessarily allocates: the received {@code byte[]} (16-byte header, padded to
     * 8); two for a round trip in one JVM (the echo thread receives one too); none when received into a reused
     * buffer ({@code IpcBytesReceiver.recv(ByteBuffer)}, heap or direct).
     */
    long unavoidableAllocation() {
        if (name.startsWith("oneway_bytes_reuse_") || name.startsWith("oneway_bytes_direct_")) {
            return 0;
        }
        long payload = name.startsWith("roundtrip_") ? 8 : bytes;
        long array = (16 + payload + 7) / 8 * 8;
        return name.equals("roundtrip_threads") ? 2 * array : array;
    }
}
