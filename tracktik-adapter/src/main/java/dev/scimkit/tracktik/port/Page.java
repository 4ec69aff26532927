package dev.scimkit.tracktik.port;

import java.util.List;

/**
 * One page of a store query.
 *
 * @param total the number of records that match, across all pages
 * @param items the records of this page, in the store's stable order (creation, then id)
 */
public record Page<T>(long total, List<T> items) {
    public Page {
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative");
        }
        items = List.copyOf(items);
    }
}
