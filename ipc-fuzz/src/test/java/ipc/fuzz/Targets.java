package ipc.fuzz;

import ipc.fuzz.messages.Customer;
import ipc.fuzz.messages.Line;
import ipc.fuzz.messages.Order;
import ipc.fuzz.messages.proto.FuzzOrder;
import ipc.serde.protobuf.IpcHandles;
import ipc.serde.protobuf.proto.Handle;
import java.util.List;
import java.util.Map;

/** What the targets share: how long `mvn verify` fuzzes each, the warm-up sample, closing protobuf handles. */
final class Targets {

    /**
     * How long each target is fuzzed when JAZZER_FUZZ is set; fuzz.sh overrides it for longer runs. Four targets,
     * each in its own JVM, stay under three minutes on two cores, start-up included.
     */
    static final String MAX_DURATION = "15s";

    /** A valid order without handles. */
    static final Order SAMPLE_ORDER = new Order("warm-up", 1L, 0.5, List.of("a"), List.of(new Line("b", 1, 2.0)),
            Map.of("c", 3), new Customer("d", 4, List.of(), null), null, null, null, List.of());

    private Targets() {}

    /** Closes every handle a received {@link FuzzOrder} holds. */
    static void closeHandles(FuzzOrder order) {
        for (Handle handle : List.of(order.getReplyTo(), order.getUpdates(), order.getAttachment(),
                order.getCustomer().getContact())) {
            IpcHandles.close(handle);
        }
        order.getWatchersList().forEach(IpcHandles::close);
    }
}
