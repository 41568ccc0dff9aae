package ipc.tests.serde.model;

import java.util.List;
import java.util.Map;

/**
 * A record whose fields, list elements and map values may be null.
 *
 * @param name may be null
 * @param count may be null
 * @param friend may be null
 * @param tags may hold null elements
 * @param notes may hold null values
 */
public record Sparse(String name, Integer count, Person friend, List<String> tags, Map<String, String> notes) {}
