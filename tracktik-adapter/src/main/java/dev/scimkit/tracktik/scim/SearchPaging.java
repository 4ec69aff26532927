package dev.scimkit.tracktik.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.eval.FilterEvaluator;
import dev.scimkit.server.query.ResourceOrdering;
import dev.scimkit.server.spi.SearchQuery;
import dev.scimkit.server.spi.SearchResult;
import dev.scimkit.tracktik.port.FilterSplit;
import dev.scimkit.tracktik.port.Page;
import dev.scimkit.tracktik.port.StoreQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A SCIM search over a store: the store pages itself when it evaluates the whole filter and no sort
 * is asked; otherwise the store's candidates are rendered, filtered by the residual, sorted and paged
 * in memory. Both give the same results (tested).
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
        Page<R> candidates = store.apply(StoreQuery.all(split.pushed()));
        List<ObjectNode> matches = new ArrayList<>();
        FilterEvaluator evaluator = new FilterEvaluator(type);
        for (R r : candidates.items()) {
            ObjectNode view = render.apply(r);
            if (split.residual().map(f -> evaluator.matches(f, view)).orElse(true)) {
                matches.add(view);
            }
        }
        query.sort().ifPresent(sort -> matches.sort(ResourceOrdering.comparator(type, sort)));
        int from = (int) Math.min(matches.size(), query.startIndex() - 1L);
        int to = (int) Math.min(matches.size(), from + (long) query.count());
        return new SearchResult(matches.size(), matches.subList(from, to));
    }
}
