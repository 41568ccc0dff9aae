package ipc.fuzz.messages;

import ipc.api.IpcSender;
import java.util.List;

/**
 * Who placed an {@link Order}: a nested record with a list of records and a handle.
 *
 * <h2>Thread safety</h2>
 * Immutable (the handles it refers to are thread-safe).
 *
 * @param name the customer's name
 * @param age the customer's age
 * @param favourites lines ordered before
 * @param contact where to reach the customer
 */
public record Customer(String name, int age, List<Line> favourites, IpcSender<String> contact) {}
