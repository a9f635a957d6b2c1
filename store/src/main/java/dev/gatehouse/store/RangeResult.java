package dev.gatehouse.store;

import java.util.List;

/**
 * @param kvs      the keys found, in key order
 * @param more     whether keys beyond {@code limit} remain
 * @param count    how many keys matched in all (ignoring limit and startAfter)
 * @param revision the store revision the read was served at
 */
public record RangeResult(List<KeyValue> kvs, boolean more, long count, long revision) {}
