package ipc.tests.serde.model;

import java.util.List;

/**
 * A generic record: decoding it needs the full type argument, which only a {@code TypeRef} carries.
 *
 * @param content one value
 * @param more more values
 * @param <T> the element type
 */
public record Box<T>(T content, List<T> more) {}
