package dev.scimkit.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.message.ListResponse;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.filter.ast.FilterPrinter;
import dev.scimkit.server.CursorSettings;
import dev.scimkit.server.query.KeysetOrdering;
import dev.scimkit.server.spi.KeysetPage;
import dev.scimkit.server.spi.PagePosition;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.SearchQuery;
import dev.scimkit.server.spi.SearchResult;
import dev.scimkit.server.spi.TenantId;

import java.util.List;
import java.util.Optional;

/**
 * RFC 9865 cursor pagination of one resource type: decodes the cursor into a {@link KeysetPage},
 * asks the repository for one resource more than the page (to learn whether a next page exists),
 * falls back to paging in memory over {@link ResourceRepository#search} when the repository cannot
 * seek, and issues {@code nextCursor} (absent only on the last page) and {@code previousCursor}
 * (absent on the first page).
 */
final class CursorPaging {

    private final ResourceTypeDefinition type;
    private final ResourceRepository repository;
    private final CursorCodec codec;

    CursorPaging(ResourceTypeDefinition type, ResourceRepository repository, CursorSettings settings) {
        this.type = type;
        this.repository = repository;
        this.codec = new CursorCodec(settings);
    }

    /** A page as the repository gives it, and the list response's cursors for it. */
    record Page(SearchResult result, ListResponse.Cursors cursors) {
    }

    Page page(TenantId tenant, SearchQuery query, String cursor) {
        if (query.count() < 1) {
            throw ScimException.of(ScimErrorType.INVALID_COUNT,
                    "count must be a positive integer when paging with a cursor (RFC 9865)");
        }
        String fingerprint = fingerprint(query);
        Optional<CursorCodec.Decoded> from = cursor.isEmpty() ? Optional.empty()
                : Optional.of(codec.decode(tenant, fingerprint, cursor));
        boolean backward = from.map(CursorCodec.Decoded::backward).orElse(false);
        KeysetPage keyset = new KeysetPage(from.map(CursorCodec.Decoded::position), backward, query.count() + 1);
        SearchResult found = repository.searchKeyset(tenant, query, keyset).orElseGet(() -> inMemory(tenant, query, keyset));
        List<ObjectNode> items = found.resources();
        boolean more = items.size() > query.count();
        if (more) {
            items = backward ? items.subList(items.size() - query.count(), items.size()) : items.subList(0, query.count());
        }
        KeysetOrdering order = KeysetOrdering.of(type, query.sort());
        Optional<String> next;
        Optional<String> previous;
        if (items.isEmpty()) {
            // Nothing here: going on means starting over (backward) or waiting for more (forward).
            next = backward ? Optional.of("") : Optional.empty();
            previous = !backward && keyset.boundary().isPresent()
                    ? Optional.of(codec.encode(tenant, fingerprint, keyset.boundary().get(), true)) : Optional.empty();
        } else {
            PagePosition first = order.positionOf(items.get(0));
            PagePosition last = order.positionOf(items.get(items.size() - 1));
            // A backward page always has what it came from after it; a forward one only when more was found.
            next = backward || more ? Optional.of(codec.encode(tenant, fingerprint, last, false)) : Optional.empty();
            boolean earlier = backward ? more : keyset.boundary().isPresent();
            previous = earlier ? Optional.of(codec.encode(tenant, fingerprint, first, true)) : Optional.empty();
        }
        return new Page(new SearchResult(found.totalResults(), items), new ListResponse.Cursors(next, previous));
    }

    /** The engine's own keyset page over every match, for a repository that does not seek. */
    private SearchResult inMemory(TenantId tenant, SearchQuery query, KeysetPage keyset) {
        SearchResult all = repository.search(tenant, query.withPage(1, Integer.MAX_VALUE));
        return KeysetOrdering.of(type, query.sort()).page(all.resources(), keyset);
    }

    /** What a cursor is bound to besides the tenant: the resource type, the filter and the sort. */
    private String fingerprint(SearchQuery query) {
        return type.name() + "\n" + query.filter().map(FilterPrinter::print).orElse("")
                + "\n" + query.sort().map(s -> s.path() + " " + s.order()).orElse("");
    }
}
