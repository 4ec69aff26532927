package dev.scimkit.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.filter.ast.AttributePath;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.eval.FilterEvaluator;

import java.util.function.Predicate;

/**
 * Decides which values of a multi-valued attribute a value filter ({@code emails[type eq "work"]})
 * selects, with scim-filter's schema-aware evaluator so PATCH and search agree on caseExact, types
 * and operators. Each value is tested as the only value of its attribute in a one-attribute resource.
 */
final class ElementSelector {

    private final Target target;
    private final Predicate<JsonNode> predicate;

    ElementSelector(FilterEvaluator evaluator, Target target, Filter filter) {
        this.target = target;
        AttributePath path = AttributePath.of(target.extensionUrn().orElse(null), target.def().name(), null);
        this.predicate = evaluator.predicate(new Filter.ValuePath(path, filter));
    }

    boolean selects(JsonNode element) {
        ObjectNode resource = ScimJson.object();
        ObjectNode holder = target.extensionUrn().map(resource::putObject).orElse(resource);
        ArrayNode values = holder.putArray(target.def().name());
        values.add(element);
        return predicate.test(resource);
    }
}
