package dev.scimkit.server.memory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.eval.FilterEvaluator;

import java.util.function.Predicate;

/** Filters stored resources with the schema-aware {@link FilterEvaluator} of scim-filter. */
final class FilterMatching {

    private FilterMatching() {
    }

    /** A predicate for {@code filter}; a filter the schema forbids is a 400 {@code invalidFilter} here, before any data is read. */
    static Predicate<ObjectNode> matcher(ResourceTypeDefinition type, Filter filter) {
        Predicate<com.fasterxml.jackson.databind.JsonNode> p = new FilterEvaluator(type).predicate(filter);
        return p::test;
    }
}
