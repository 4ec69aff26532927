package dev.scimkit.filter.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.filter.ast.CompareOperator;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.ast.Literal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The evaluator as it was before filters were compiled: a direct walk of the AST that resolves every
 * path, collects every value into lists and folds both sides of every case-insensitive comparison with
 * {@code toLowerCase}. Slow and obviously faithful to the documented semantics, it is the oracle the
 * compiled evaluator is checked against.
 */
final class ReferenceEvaluator {

    private final PathScope scope;

    ReferenceEvaluator(ResourceTypeDefinition type) {
        this.scope = PathScope.of(type);
    }

    boolean matches(Filter filter, JsonNode resource) {
        FilterValidator.check(filter, scope);
        return eval(filter, resource, scope);
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
            result = values.stream().anyMatch(v -> test(def, v, positive, c.value()));
        }
        return negate != result;
    }

    private static boolean test(AttributeDefinition leaf, JsonNode node, CompareOperator op, Literal value) {
        return switch (leaf.type()) {
            case STRING, REFERENCE, BINARY -> node.isTextual() && value instanceof Literal.StringLiteral s
                    && compareText(node.textValue(), s.value(), leaf.caseExact(), op);
            case BOOLEAN -> node.isBoolean() && value instanceof Literal.BooleanLiteral b
                    && op == CompareOperator.EQ && node.booleanValue() == b.value();
            case INTEGER, DECIMAL -> node.isNumber() && value instanceof Literal.NumberLiteral n
                    && ordered(node.decimalValue().compareTo(n.value()), op);
            case DATE_TIME -> node.isTextual() && value instanceof Literal.StringLiteral s
                    && compareDateTime(node.textValue(), s.value(), leaf.caseExact(), op);
            case COMPLEX -> false;
        };
    }

    private static boolean compareText(String actual, String expected, boolean caseExact, CompareOperator op) {
        String a = caseExact ? actual : actual.toLowerCase(Locale.ROOT);
        String e = caseExact ? expected : expected.toLowerCase(Locale.ROOT);
        return switch (op) {
            case CO -> a.contains(e);
            case SW -> a.startsWith(e);
            case EW -> a.endsWith(e);
            default -> ordered(a.compareTo(e), op);
        };
    }

    private static boolean compareDateTime(String actual, String expected, boolean caseExact, CompareOperator op) {
        if (op.isSubstring()) {
            return compareText(actual, expected, caseExact, op);
        }
        Optional<Instant> a = DateTimes.parse(actual);
        Optional<Instant> e = DateTimes.parse(expected);
        return a.isPresent() && e.isPresent() && ordered(a.get().compareTo(e.get()), op);
    }

    private static boolean ordered(int cmp, CompareOperator op) {
        return switch (op) {
            case EQ -> cmp == 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            default -> false;
        };
    }
}
