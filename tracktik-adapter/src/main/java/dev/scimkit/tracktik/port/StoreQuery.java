package dev.scimkit.tracktik.port;

import java.util.Objects;
import java.util.Optional;

/**
 * A page of records matching a pushed-down filter, in the store's stable order (creation time, then id).
 *
 * @param filter the pushed part of a {@link FilterSplit}, empty for all records
 * @param offset how many matching records to skip (0-based)
 * @param limit  the most records to return (0 asks only for the total)
 */
public record StoreQuery(Optional<PushedFilter> filter, long offset, int limit) {
    public StoreQuery {
        Objects.requireNonNull(filter, "filter");
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
    }

    public static StoreQuery all(Optional<PushedFilter> filter) {
        return new StoreQuery(filter, 0, Integer.MAX_VALUE);
    }
}
