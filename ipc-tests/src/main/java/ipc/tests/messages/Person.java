package ipc.tests.messages;

/**
 * The plain value most tests send: Rust's {@code (String, u32)} person tuple.
 *
 * @param name the name
 * @param age the age
 */
public record Person(String name, int age) {

    /** The person Rust's tests send. */
    public static final Person PATRICK = new Person("Patrick Walton", 29);
}
