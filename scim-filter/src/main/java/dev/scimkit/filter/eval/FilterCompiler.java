package dev.scimkit.filter.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.filter.ast.CompareOperator;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.ast.Literal;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns a (validated) filter into a tree of predicates with everything that depends only on the filter
 * and the schema done once: attribute paths resolved to their definitions and member names, literals
 * folded or parsed, the comparison for the attribute's type chosen. Testing a resource then allocates
 * nothing for the common value types. The semantics are those documented on {@link FilterEvaluator}.
 */
final class FilterCompiler {

    private static final Predicate<JsonNode> ALWAYS = resource -> true;
    private static final Predicate<JsonNode> NEVER = resource -> false;
    private static final Predicate<JsonNode> PRESENT = ValueMatcher::isPresent;

    private FilterCompiler() {
    }

    static Predicate<JsonNode> compile(Filter filter, PathScope scope) {
        if (filter instanceof Filter.Comparison c) {
            return comparison(c, scope);
        }
        if (filter instanceof Filter.Present p) {
            Optional<ResolvedPath> path = scope.resolve(p.path());
            if (path.isEmpty()) {
                return NEVER;
            }
            ValueSelector values = ValueSelector.of(path.get());
            return resource -> values.anyMatch(resource, PRESENT);
        }
        if (filter instanceof Filter.And and) {
            Predicate<JsonNode> left = compile(and.left(), scope);
            Predicate<JsonNode> right = compile(and.right(), scope);
            return resource -> left.test(resource) && right.test(resource);
        }
        if (filter instanceof Filter.Or or) {
            Predicate<JsonNode> left = compile(or.left(), scope);
            Predicate<JsonNode> right = compile(or.right(), scope);
            return resource -> left.test(resource) || right.test(resource);
        }
        if (filter instanceof Filter.Not not) {
            Predicate<JsonNode> inner = compile(not.inner(), scope);
            return resource -> !inner.test(resource);
        }
        Filter.ValuePath vp = (Filter.ValuePath) filter;
        Optional<ResolvedPath> path = scope.resolve(vp.path());
        if (path.isEmpty()) {
            return NEVER;
        }
        ValueSelector elements = ValueSelector.of(path.get());
        Predicate<JsonNode> inner = compile(vp.filter(), PathScope.within(path.get().leaf()));
        // One and the same element must satisfy the whole inner filter.
        Predicate<JsonNode> element = value -> value.isObject() && inner.test(value);
        return resource -> elements.anyMatch(resource, element);
    }

    private static Predicate<JsonNode> comparison(Filter.Comparison c, PathScope scope) {
        Optional<ResolvedPath> path = scope.resolve(c.path());
        boolean negate = c.operator() == CompareOperator.NE;
        Predicate<JsonNode> positive = positive(c, path);
        return negate ? resource -> !positive.test(resource) : positive;
    }

    /** The comparison with {@code ne} read as {@code eq}; the caller negates. */
    private static Predicate<JsonNode> positive(Filter.Comparison c, Optional<ResolvedPath> path) {
        ValueSelector values = null;
        AttributeDefinition leaf = null;
        if (path.isPresent()) {
            leaf = path.get().leaf();
            values = ValueSelector.of(path.get());
            if (leaf.isComplex()) {
                // "emails co \"@example.com\"" compares the value sub-attribute of each email.
                Optional<AttributeDefinition> valueSub = leaf.subAttribute("value");
                leaf = valueSub.orElse(null);
                values = valueSub.isPresent() ? ValueSelector.through(path.get(), valueSub.get().name()) : null;
            }
        }
        if (c.value() instanceof Literal.NullLiteral) {
            // "eq null": no value is present; an unknown attribute has none.
            if (values == null) {
                return ALWAYS;
            }
            ValueSelector selected = values;
            return resource -> !selected.anyMatch(resource, PRESENT);
        }
        if (leaf == null) {
            return NEVER;
        }
        CompareOperator op = c.operator() == CompareOperator.NE ? CompareOperator.EQ : c.operator();
        Predicate<JsonNode> test = ValueMatcher.compile(leaf, op, c.value());
        ValueSelector selected = values;
        return resource -> selected.anyMatch(resource, test);
    }
}
