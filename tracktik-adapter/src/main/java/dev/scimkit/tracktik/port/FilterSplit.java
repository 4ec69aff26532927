package dev.scimkit.tracktik.port;

import dev.scimkit.filter.ast.Filter;

import java.util.Objects;
import java.util.Optional;

/**
 * A filter split by a store: the resources that match the original filter are exactly the store's
 * records matching {@code pushed} (all when empty) whose SCIM view matches {@code residual} (all when
 * empty).
 *
 * @param pushed   the part the store evaluates
 * @param residual the part the caller evaluates in memory on the SCIM representation
 */
public record FilterSplit(Optional<PushedFilter> pushed, Optional<Filter> residual) {
    public FilterSplit {
        Objects.requireNonNull(pushed, "pushed");
        Objects.requireNonNull(residual, "residual");
    }

    /** Nothing pushed: the caller evaluates the whole filter. */
    public static FilterSplit inMemory(Filter filter) {
        return new FilterSplit(Optional.empty(), Optional.of(filter));
    }
}
