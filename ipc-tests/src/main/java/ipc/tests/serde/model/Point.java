package ipc.tests.serde.model;

/**
 * A record whose shape shares nothing with {@link Person}: the wrong declared type for a person's encoding.
 *
 * @param x abscissa
 * @param y ordinate
 */
public record Point(double x, double y) {}
