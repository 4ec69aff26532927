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

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RFC 9865 cursor pagination over one resource type, or over several one after the other (the
 * server-root {@code /.search}): decodes the cursor into a {@link KeysetPage}, asks the repositories
 * for one resource more than the page (to learn whether a next page exists), falls back to paging in
 * memory over {@link ResourceRepository#search} when a repository cannot seek, and issues
 * {@code nextCursor} (absent only on the last page) and {@code previousCursor} (absent on the first).
 *
 * <p>Across types the keyset order is (type in the given order, then the type's own keyset order),
 * so a position names its type ({@link CursorCodec.Decoded#segment()}).
 */
public final class CursorPaging {

    /** One searched resource type. */
    public record Segment(ResourceTypeDefinition type, ResourceRepository repository) {
    }

    /** A resource of the page and the segment it comes from (which renders it). */
    public record Item(int segment, ObjectNode resource) {
    }

    /** A page: the total of every segment, the resources, and the list response's cursors. */
    public record Page(long totalResults, List<Item> items, ListResponse.Cursors cursors) {
    }

    private final String scope;
    private final List<Segment> segments;
    private final CursorCodec codec;

    /**
     * @param scope    what the cursors of this pager are for (an endpoint), part of what they are bound to
     * @param segments the resource types searched, in order
     */
    public CursorPaging(String scope, List<Segment> segments, CursorSettings settings) {
        this.scope = scope;
        this.segments = List.copyOf(segments);
        this.codec = new CursorCodec(settings);
    }

    /** The page of {@code query} at {@code cursor} (empty text: the first page). */
    public Page page(TenantId tenant, SearchQuery query, String cursor) {
        if (query.count() < 1) {
            throw ScimException.of(ScimErrorType.INVALID_COUNT,
                    "count must be a positive integer when paging with a cursor (RFC 9865)");
        }
        String fingerprint = fingerprint(query);
        Optional<CursorCodec.Decoded> from = cursor.isEmpty() ? Optional.empty()
                : Optional.of(codec.decode(tenant, fingerprint, cursor));
        if (from.isPresent() && (from.get().segment() < 0 || from.get().segment() >= segments.size())) {
            throw ScimException.of(ScimErrorType.INVALID_CURSOR, "The cursor does not fit this query; "
                    + "repeat the query with an empty cursor");
        }
        boolean backward = from.map(CursorCodec.Decoded::backward).orElse(false);
        int want = query.count() + 1;
        long total = 0;
        List<Item> items = new ArrayList<>();
        for (int k = 0; k < segments.size(); k++) {
            // Backward pages read the segments last to first, ending at the cursor's.
            int i = backward ? segments.size() - 1 - k : k;
            int at = from.map(CursorCodec.Decoded::segment).orElse(backward ? segments.size() - 1 : 0);
            boolean reached = backward ? i <= at : i >= at;
            int need = want - items.size();
            if (!reached || need == 0) {
                total += segments.get(i).repository().search(tenant, query.withPage(1, 0)).totalResults();
                continue;
            }
            Optional<PagePosition> boundary = from.filter(d -> d.segment() == i).map(CursorCodec.Decoded::position);
            SearchResult found = keyset(tenant, segments.get(i), query, new KeysetPage(boundary, backward, need));
            total += found.totalResults();
            List<Item> part = found.resources().stream().map(r -> new Item(i, r)).toList();
            if (backward) {
                items.addAll(0, part);
            } else {
                items.addAll(part);
            }
        }
        boolean more = items.size() > query.count();
        if (more) {
            items = backward ? items.subList(items.size() - query.count(), items.size()) : items.subList(0, query.count());
        }
        Optional<String> next;
        Optional<String> previous;
        if (items.isEmpty()) {
            // Nothing here: going on means starting over (backward) or waiting for more (forward).
            next = backward ? Optional.of("") : Optional.empty();
            previous = from.filter(d -> !backward)
                    .map(d -> codec.encode(tenant, fingerprint, new CursorCodec.Decoded(d.segment(), d.position(), true)));
        } else {
            // A backward page always has what it came from after it; a forward one only when more was found.
            next = backward || more ? Optional.of(cursorAt(tenant, fingerprint, query, items.get(items.size() - 1), false))
                    : Optional.empty();
            boolean earlier = backward ? more : from.isPresent();
            previous = earlier ? Optional.of(cursorAt(tenant, fingerprint, query, items.get(0), true)) : Optional.empty();
        }
        return new Page(total, items, new ListResponse.Cursors(next, previous));
    }

    private String cursorAt(TenantId tenant, String fingerprint, SearchQuery query, Item item, boolean backward) {
        PagePosition position = KeysetOrdering.of(segments.get(item.segment()).type(), query.sort()).positionOf(item.resource());
        return codec.encode(tenant, fingerprint, new CursorCodec.Decoded(item.segment(), position, backward));
    }

    /** The repository's keyset page, or the engine's own over every match when it cannot seek. */
    private static SearchResult keyset(TenantId tenant, Segment segment, SearchQuery query, KeysetPage page) {
        return segment.repository().searchKeyset(tenant, query, page).orElseGet(() -> {
            SearchResult all = segment.repository().search(tenant, query.withPage(1, Integer.MAX_VALUE));
            return KeysetOrdering.of(segment.type(), query.sort()).page(all.resources(), page);
        });
    }

    /** What a cursor is bound to besides the tenant: the endpoint, the filter and the sort. */
    private String fingerprint(SearchQuery query) {
        return scope + "\n" + query.filter().map(FilterPrinter::print).orElse("")
                + "\n" + query.sort().map(s -> s.path() + " " + s.order()).orElse("");
    }
}
