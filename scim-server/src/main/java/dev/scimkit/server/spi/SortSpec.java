package dev.scimkit.server.spi;

import dev.scimkit.filter.ast.AttributePath;

import java.util.Objects;

/**
 * A sort key of a search: the attribute and the direction (RFC 7644 §3.4.2.3).
 *
 * @param path  the attribute to sort by
 * @param order ascending or descending
 */
public record SortSpec(AttributePath path, SortOrder order) {
    public SortSpec {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(order, "order");
    }
}
