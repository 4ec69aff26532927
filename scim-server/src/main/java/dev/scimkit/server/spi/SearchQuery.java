package dev.scimkit.server.spi;

import dev.scimkit.filter.ast.Filter;

import java.util.Objects;
import java.util.Optional;

/**
 * A parsed search (RFC 7644 §3.4.2): filter, sort, page and projection.
 *
 * <p>Paging is 1-based. {@code count} is already clamped to the server's maximum page size;
 * {@code count == 0} asks only for {@code totalResults}. Results must come in a stable order: the
 * same query over unchanged data pages through every match exactly once.
 *
 * @param filter     the filter, empty for all resources of the tenant
 * @param sort       the sort key, empty for the repository's stable default order
 * @param startIndex the 1-based index of the first result, at least 1
 * @param count      the most results to return, at least 0
 * @param projection the attributes the engine will return (a hint; see {@link Projection})
 */
public record SearchQuery(Optional<Filter> filter, Optional<SortSpec> sort, int startIndex, int count,
                          Projection projection) {
    public SearchQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(projection, "projection");
        if (startIndex < 1) {
            throw new IllegalArgumentException("startIndex is 1-based");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
    }

    /** Every resource of a tenant, first page of {@code count}. */
    public static SearchQuery all(int count) {
        return new SearchQuery(Optional.empty(), Optional.empty(), 1, count, Projection.DEFAULT);
    }

    public SearchQuery withPage(int newStartIndex, int newCount) {
        return new SearchQuery(filter, sort, newStartIndex, newCount, projection);
    }
}
