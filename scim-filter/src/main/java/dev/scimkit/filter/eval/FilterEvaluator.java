package dev.scimkit.filter.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.filter.ast.CompareOperator;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.ast.Literal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Evaluates filters against resources (Jackson trees) the way the resource type's schema says
 * (RFC 7644 §3.4.2.2). Immutable and thread-safe.
 *
 * <p>Semantics, where the RFC leaves room:
 * <ul>
 *   <li>Attribute names match the JSON members without regard to case; extension attributes are found
 *       under their schema URN key.</li>
 *   <li>Strings compare case-insensitively unless the attribute is {@code caseExact}; numbers by value;
 *       dateTimes chronologically (as instants); booleans only with {@code eq}/{@code ne}. A literal of
 *       another JSON type than the attribute never matches.</li>
 *   <li>A multi-valued attribute matches when any of its values does; inside {@code attr[...]} one and the
 *       same value must satisfy the whole inner filter. A complex attribute compared directly
 *       ({@code emails co "@example.com"}) is compared through its {@code value} sub-attribute.</li>
 *   <li>{@code pr}: some value is not null, not an empty string and not an empty array or object.</li>
 *   <li>{@code ne} is exactly {@code not eq}: it matches when no value equals the literal, so a missing
 *       attribute is "not equal" to everything. {@code eq null} means "not present", {@code ne null} "present".</li>
 *   <li>An attribute the schema does not know is treated as unassigned: comparisons on it do not match
 *       (and {@code ne} does), it is never present. Identity providers filter on attributes a server may
 *       not support and expect an empty result, not an error.</li>
 *   <li>Comparisons the RFC forbids or that have no meaning are a 400 {@code invalidFilter} raised before
 *       evaluation by {@link FilterValidator}, so the outcome does not depend on the data.</li>
 * </ul>
 */
public final class FilterEvaluator {

    private final ResourceTypeDefinition type;
    private final PathScope scope;

    public FilterEvaluator(ResourceTypeDefinition type) {
        this.type = Objects.requireNonNull(type, "type");
        this.scope = PathScope.of(type);
    }

    /** The resource type whose schema guides the evaluation. */
    public ResourceTypeDefinition resourceType() {
        return type;
    }

    /** Whether {@code resource} matches {@code filter}; a forbidden comparison is a 400 {@code invalidFilter}. */
    public boolean matches(Filter filter, JsonNode resource) {
        FilterValidator.check(filter, scope);
        return eval(filter, resource, scope);
    }

    /**
     * Validates {@code filter} once and returns a predicate for many resources, as a server filtering a
     * result set does.
     */
    public Predicate<JsonNode> predicate(Filter filter) {
        FilterValidator.check(filter, scope);
        return resource -> eval(filter, resource, scope);
    }

    private boolean eval(Filter filter, JsonNode context, PathScope scope) {
        if (filter instanceof Filter.Comparison c) {
            return compare(c, context, scope);
        }
        if (filter instanceof Filter.Present p) {
            Optional<ResolvedPath> path = scope.resolve(p.path());
            return path.isPresent() && path.get().select(context).stream().anyMatch(ValueMatcher::isPresent);
        }
        if (filter instanceof Filter.And and) {
            return eval(and.left(), context, scope) && eval(and.right(), context, scope);
        }
        if (filter instanceof Filter.Or or) {
            return eval(or.left(), context, scope) || eval(or.right(), context, scope);
        }
        if (filter instanceof Filter.Not not) {
            return !eval(not.inner(), context, scope);
        }
        Filter.ValuePath vp = (Filter.ValuePath) filter;
        Optional<ResolvedPath> path = scope.resolve(vp.path());
        if (path.isEmpty()) {
            return false;
        }
        PathScope inner = PathScope.within(path.get().leaf());
        for (JsonNode element : path.get().select(context)) {
            if (element.isObject() && eval(vp.filter(), element, inner)) {
                return true;
            }
        }
        return false;
    }

    private boolean compare(Filter.Comparison c, JsonNode context, PathScope scope) {
        Optional<ResolvedPath> path = scope.resolve(c.path());
        AttributeDefinition leaf = null;
        List<JsonNode> values = List.of();
        if (path.isPresent()) {
            leaf = path.get().leaf();
            values = path.get().select(context);
            if (leaf.isComplex()) {
                // "emails co \"@example.com\"" compares the value sub-attribute of each email.
                Optional<AttributeDefinition> valueSub = leaf.subAttribute("value");
                List<JsonNode> subValues = new ArrayList<>();
                if (valueSub.isPresent()) {
                    for (JsonNode element : values) {
                        ResolvedPath.flattenInto(ScimJson.getIgnoreCase(element, valueSub.get().name()), subValues);
                    }
                }
                leaf = valueSub.orElse(null);
                values = subValues;
            }
        }
        CompareOperator op = c.operator();
        boolean negate = op == CompareOperator.NE;
        boolean result;
        if (c.value() instanceof Literal.NullLiteral) {
            result = values.stream().noneMatch(ValueMatcher::isPresent);
        } else if (leaf == null) {
            result = false;
        } else {
            CompareOperator positive = negate ? CompareOperator.EQ : op;
            AttributeDefinition def = leaf;
            result = values.stream().anyMatch(v -> ValueMatcher.test(def, v, positive, c.value()));
        }
        return negate != result;
    }
}
