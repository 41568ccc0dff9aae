package ipc.tests.serde.model;

/**
 * A record of a text and a scalar.
 *
 * @param name a name, possibly long
 * @param age an age
 */
public record Person(String name, int age) {}
