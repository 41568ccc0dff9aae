package ipc.fuzz.messages;

import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSharedMemory;
import ipc.api.OpaqueIpcSender;
import java.util.List;
import java.util.Map;

/**
 * An order, as a service would receive it from a client process: scalars, text, collections, a nested record, and
 * handles at the top level, in a list and inside the nested record.
 *
 * <h2>Thread safety</h2>
 * Immutable (the handles it refers to are thread-safe).
 *
 * @param id the order's id
 * @param amount an amount in cents
 * @param ratio a discount ratio
 * @param tags free-form tags
 * @param lines the order lines
 * @param counts counts by name
 * @param customer who ordered, with a handle of its own
 * @param replyTo where to send lines back
 * @param updates where status updates arrive
 * @param attachment a document in shared memory
 * @param watchers whoever wants to hear about the order
 */
public record Order(String id, long amount, double ratio, List<String> tags, List<Line> lines,
        Map<String, Integer> counts, Customer customer, IpcSender<Line> replyTo, IpcReceiver<String> updates,
        IpcSharedMemory attachment, List<OpaqueIpcSender> watchers) {

    /** Closes every handle this order holds (a received order owns them); null fields and elements are skipped. */
    public void closeHandles() {
        Handles.close(replyTo, updates, attachment);
        if (watchers != null) {
            watchers.forEach(Handles::close);
        }
        if (customer != null) {
            Handles.close(customer.contact());
        }
    }
}
