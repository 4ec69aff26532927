package dev.scimkit.server.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * One page of a keyset (RFC 9865 cursor) search, as {@link ResourceRepository#searchKeyset} receives it.
 *
 * <p><b>The keyset order</b>: the query's sort key as RFC 7644 §3.4.2.3 and
 * {@link dev.scimkit.server.query.ResourceOrdering} define it (no sort key: every resource ties),
 * then {@code id} ascending by {@link String#compareTo} as the unique tie-breaker (a store may order
 * ids by its own total order instead, e.g. a database collation, if it orders and seeks by that one
 * consistently for every page of a query). It is a total order
 * on (sort value, id), so a page that starts strictly after the last position of the previous one
 * never repeats or skips a resource that exists throughout and keeps its sort value, however many
 * resources are created or deleted between the pages.
 *
 * @param boundary where the page starts (exclusive); empty for the first page (or the last one when
 *                 {@code backward})
 * @param backward {@code false}: the first {@code limit} resources after {@code boundary};
 *                 {@code true}: the last {@code limit} resources before it
 * @param limit    the most resources to return, at least 1 (the engine asks for one more than the
 *                 page size to learn whether another page follows)
 */
public record KeysetPage(Optional<PagePosition> boundary, boolean backward, int limit) {
    public KeysetPage {
        Objects.requireNonNull(boundary, "boundary");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
