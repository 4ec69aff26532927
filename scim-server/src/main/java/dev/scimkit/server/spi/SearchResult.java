package dev.scimkit.server.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One page of a search: how many resources match in total and the resources of the page, in order.
 *
 * @param totalResults the number of resources that match the filter, across all pages
 * @param resources    the page, at most {@code count} resources
 */
public record SearchResult(long totalResults, List<ObjectNode> resources) {
    public SearchResult {
        if (totalResults < 0) {
            throw new IllegalArgumentException("totalResults must not be negative");
        }
        resources = List.copyOf(resources);
    }

    public static SearchResult empty() {
        return new SearchResult(0, List.of());
    }
}
