package ipc.fuzz.messages;

/**
 * One line of an {@link Order}.
 *
 * <h2>Thread safety</h2>
 * Immutable.
 *
 * @param sku the article
 * @param quantity how many
 * @param price the unit price
 */
public record Line(String sku, int quantity, double price) {}
