package dev.scimkit.tracktik.port;

import java.util.Objects;
import java.util.Optional;

/**
 * A page of records matching a pushed-down filter, in the store's stable order (creation time, then
 * id), or, with a {@link ScimIdSeek}, in SCIM id order from a boundary.
 *
 * @param filter the pushed part of a {@link FilterSplit}, empty for all records
 * @param offset how many matching records to skip (0-based); 0 with a seek
 * @param limit  the most records to return (0 asks only for the total)
 * @param seek   a keyset seek by SCIM id instead of the offset; the total still counts every match
 */
public record StoreQuery(Optional<PushedFilter> filter, long offset, int limit, Optional<ScimIdSeek> seek) {
    public StoreQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(seek, "seek");
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        if (seek.isPresent() && offset != 0) {
            throw new IllegalArgumentException("a seek starts at its boundary, not at an offset");
        }
    }

    /** A page by offset in the store's stable order. */
    public StoreQuery(Optional<PushedFilter> filter, long offset, int limit) {
        this(filter, offset, limit, Optional.empty());
    }

    public static StoreQuery all(Optional<PushedFilter> filter) {
        return new StoreQuery(filter, 0, Integer.MAX_VALUE);
    }
}
