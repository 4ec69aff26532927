package dev.scimkit.tracktik.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.eval.FilterEvaluator;
import dev.scimkit.server.query.KeysetOrdering;
import dev.scimkit.server.query.ResourceOrdering;
import dev.scimkit.server.spi.KeysetPage;
import dev.scimkit.server.spi.PagePosition;
import dev.scimkit.server.spi.SearchQuery;
import dev.scimkit.server.spi.SearchResult;
import dev.scimkit.tracktik.port.FilterSplit;
import dev.scimkit.tracktik.port.Page;
import dev.scimkit.tracktik.port.ScimIdSeek;
import dev.scimkit.tracktik.port.StoreQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A SCIM search over a store: the store pages itself when it evaluates the whole filter and no sort
 * is asked; otherwise the store's candidates are rendered, filtered by the residual, sorted and paged
 * in memory. Both give the same results (tested). Cursor (keyset) pages follow the same split: a
 * store that {@link dev.scimkit.tracktik.port.TrackTikStore#seeksByScimId seeks} by SCIM id answers an
 * unsorted, wholly pushed query with one indexed range read; anything else is paged in memory with
 * {@link KeysetOrdering}.
 */
final class SearchPaging {

    private SearchPaging() {
    }

    static <R> SearchResult search(ResourceTypeDefinition type, SearchQuery query,
                                   Function<Filter, FilterSplit> splitter,
                                   Function<StoreQuery, Page<R>> store,
                                   Function<R, ObjectNode> render) {
        FilterSplit split = query.filter().map(splitter).orElse(new FilterSplit(Optional.empty(), Optional.empty()));
        if (split.residual().isEmpty() && query.sort().isEmpty()) {
            Page<R> page = store.apply(new StoreQuery(split.pushed(), query.startIndex() - 1L, query.count()));
            return new SearchResult(page.total(), page.items().stream().map(render).toList());
        }
        List<ObjectNode> matches = inMemory(type, split, store, render);
        query.sort().ifPresent(sort -> matches.sort(ResourceOrdering.comparator(type, sort)));
        int from = (int) Math.min(matches.size(), query.startIndex() - 1L);
        int to = (int) Math.min(matches.size(), from + (long) query.count());
        return new SearchResult(matches.size(), matches.subList(from, to));
    }

    /** One keyset page (see {@link dev.scimkit.server.spi.ResourceRepository#searchKeyset}). */
    static <R> SearchResult searchKeyset(ResourceTypeDefinition type, SearchQuery query, KeysetPage page, boolean seeks,
                                         Function<Filter, FilterSplit> splitter,
                                         Function<StoreQuery, Page<R>> store,
                                         Function<R, ObjectNode> render) {
        FilterSplit split = query.filter().map(splitter).orElse(new FilterSplit(Optional.empty(), Optional.empty()));
        if (seeks && split.residual().isEmpty() && query.sort().isEmpty()) {
            ScimIdSeek seek = new ScimIdSeek(page.boundary().map(PagePosition::id), page.backward());
            Page<R> found = store.apply(new StoreQuery(split.pushed(), 0, page.limit(), Optional.of(seek)));
            return new SearchResult(found.total(), found.items().stream().map(render).toList());
        }
        return KeysetOrdering.of(type, query.sort()).page(inMemory(type, split, store, render), page);
    }

    /** Every candidate of the pushed filter, rendered, that the residual filter keeps, in the store's order. */
    private static <R> List<ObjectNode> inMemory(ResourceTypeDefinition type, FilterSplit split,
                                                 Function<StoreQuery, Page<R>> store, Function<R, ObjectNode> render) {
        Page<R> candidates = store.apply(StoreQuery.all(split.pushed()));
        List<ObjectNode> matches = new ArrayList<>();
        FilterEvaluator evaluator = new FilterEvaluator(type);
        for (R r : candidates.items()) {
            ObjectNode view = render.apply(r);
            if (split.residual().map(f -> evaluator.matches(f, view)).orElse(true)) {
                matches.add(view);
            }
        }
        return matches;
    }
}
