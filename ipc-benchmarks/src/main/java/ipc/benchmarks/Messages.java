package ipc.benchmarks;

import com.google.protobuf.ByteString;
import ipc.api.IpcBytesReceiver;
import ipc.api.IpcBytesSender;
import java.util.ArrayList;
import java.util.List;

/**
 * The message types of the benchmarks and their sample values.
 *
 * <h2>Thread safety</h2>
 * Stateless; the records are immutable.
 */
public final class Messages {

    /** Line items per {@link Order}. */
    public static final int ITEMS = 100;

    private Messages() {}

    /**
     * One line of an order.
     *
     * @param sku the article code
     * @param quantity how many
     * @param priceCents the unit price in cents
     * @param weight the unit weight in kilograms
     */
    public record LineItem(String sku, int quantity, long priceCents, double weight) {}

    /**
     * A message of realistic shape: a few strings and numbers and a list of {@value #ITEMS} small records.
     *
     * @param id the order number
     * @param customer the customer's name
     * @param address the delivery address
     * @param createdEpochMillis when it was placed
     * @param total the total price
     * @param items the lines
     */
    public record Order(long id, String customer, String address, long createdEpochMillis, double total,
            List<LineItem> items) {}

    /**
     * What the echo child of {@link RoundTripProcesses} hands its parent: where to send requests and where to read
     * the replies.
     *
     * @param requests the sender of the child's request channel
     * @param replies the receiver of the child's reply channel
     */
    public record EchoEnds(IpcBytesSender requests, IpcBytesReceiver replies) {}

    /** The sample order (the same values every call). */
    public static Order order() {
        List<LineItem> items = new ArrayList<>(ITEMS);
        double total = 0;
        for (int i = 0; i < ITEMS; i++) {
            LineItem item = new LineItem("SKU-" + (100000 + i * 37), 1 + i % 5, 199 + i * 13L, 0.25 + i * 0.01);
            items.add(item);
            total += item.quantity() * item.priceCents() / 100.0;
        }
        return new Order(4242424242L, "Ada Lovelace", "12 St James's Square, London SW1Y 4JH", 1732617600000L,
                total, List.copyOf(items));
    }

    /** The sample order as a protobuf message (the same values as {@link #order()}). */
    public static ipc.benchmarks.proto.Order protoOrder() {
        Order order = order();
        ipc.benchmarks.proto.Order.Builder builder = ipc.benchmarks.proto.Order.newBuilder()
                .setId(order.id())
                .setCustomer(order.customer())
                .setAddress(order.address())
                .setCreatedEpochMillis(order.createdEpochMillis())
                .setTotal(order.total());
        for (LineItem item : order.items()) {
            builder.addItems(ipc.benchmarks.proto.LineItem.newBuilder()
                    .setSku(item.sku())
                    .setQuantity(item.quantity())
                    .setPriceCents(item.priceCents())
                    .setWeight(item.weight()));
        }
        return builder.build();
    }

    /** A protobuf blob holding {@code bytes}. */
    public static ipc.benchmarks.proto.Blob blob(byte[] bytes) {
        return ipc.benchmarks.proto.Blob.newBuilder().setData(ByteString.copyFrom(bytes)).build();
    }

    /** {@code size} bytes of a repeating pattern. */
    public static byte[] payload(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i % 251);
        }
        return bytes;
    }
}
