package dev.scimkit.server.spi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;
import java.util.Optional;

/**
 * A place in the keyset order of a search (see {@link KeysetPage}): the sort key's value and the
 * {@code id} of the resource a page ended or started at. The resource itself need not exist any more;
 * the position stays meaningful, which is what keeps cursor pages stable under concurrent writes.
 *
 * @param sortValue the value of the query's sort key at that resource (a JSON scalar), empty when the
 *                  query has no sort key or the resource had no value
 * @param id        the resource's {@code id}, the unique tie-breaker
 */
public record PagePosition(Optional<JsonNode> sortValue, String id) {
    public PagePosition {
        Objects.requireNonNull(sortValue, "sortValue");
        Objects.requireNonNull(id, "id");
        sortValue = sortValue.map(JsonNode::deepCopy);
    }
}
