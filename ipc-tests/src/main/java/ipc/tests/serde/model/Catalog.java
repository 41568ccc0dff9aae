package ipc.tests.serde.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collections and maps in record fields, some nested, some with non-string keys.
 *
 * @param names a list
 * @param numbers a set
 * @param byName a map of records
 * @param series a map with long keys and list values
 */
public record Catalog(List<String> names, Set<Integer> numbers, Map<String, Person> byName,
        Map<Long, List<Double>> series) {}
