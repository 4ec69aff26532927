package dev.scimkit.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.server.spi.KeysetPage;
import dev.scimkit.server.spi.PagePosition;
import dev.scimkit.server.spi.SearchResult;
import dev.scimkit.server.spi.SortSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The keyset order of cursor searches ({@link KeysetPage}: the sort key, then {@code id}) and a
 * keyset page over resources held in memory. The engine uses it for repositories that do not seek
 * themselves; a repository that evaluates in memory uses it to implement
 * {@link dev.scimkit.server.spi.ResourceRepository#searchKeyset} without a twin of these rules.
 */
public final class KeysetOrdering {

    private final Comparator<Optional<JsonNode>> values;
    private final Optional<SortSpec> sort;
    private final ResourceTypeDefinition type;

    private KeysetOrdering(ResourceTypeDefinition type, Optional<SortSpec> sort) {
        this.type = type;
        this.sort = sort;
        this.values = sort.map(s -> ResourceOrdering.sortValueComparator(type, s)).orElse((a, b) -> 0);
    }

    /** The keyset order of a query on {@code type} sorted by {@code sort} (empty: by id alone). */
    public static KeysetOrdering of(ResourceTypeDefinition type, Optional<SortSpec> sort) {
        return new KeysetOrdering(type, sort);
    }

    /** The position of a resource: its sort value and its id. */
    public PagePosition positionOf(ObjectNode resource) {
        Optional<JsonNode> value = sort.flatMap(s -> ResourceOrdering.sortValue(type, s, resource))
                .filter(JsonNode::isValueNode);
        return new PagePosition(value, resource.path("id").asText());
    }

    /** Compares two positions in the keyset order. */
    public int compare(PagePosition a, PagePosition b) {
        int byValue = values.compare(a.sortValue(), b.sortValue());
        return byValue != 0 ? byValue : a.id().compareTo(b.id());
    }

    /**
     * The keyset page of {@code matches} (every resource that matches the filter, in any order):
     * sorted, cut at the boundary, at most {@code page.limit()} resources, in forward order;
     * {@code totalResults} is the number of matches.
     */
    public SearchResult page(List<ObjectNode> matches, KeysetPage page) {
        List<Keyed> keyed = new ArrayList<>(matches.size());
        for (ObjectNode r : matches) {
            keyed.add(new Keyed(positionOf(r), r));
        }
        keyed.sort((x, y) -> compare(x.position, y.position));
        List<ObjectNode> out = new ArrayList<>();
        if (!page.backward()) {
            for (Keyed k : keyed) {
                if (out.size() == page.limit()) {
                    break;
                }
                if (page.boundary().map(b -> compare(k.position, b) > 0).orElse(true)) {
                    out.add(k.resource);
                }
            }
        } else {
            for (int i = keyed.size() - 1; i >= 0 && out.size() < page.limit(); i--) {
                Keyed k = keyed.get(i);
                if (page.boundary().map(b -> compare(k.position, b) < 0).orElse(true)) {
                    out.add(0, k.resource);
                }
            }
        }
        return new SearchResult(matches.size(), out);
    }

    private record Keyed(PagePosition position, ObjectNode resource) {
    }
}
